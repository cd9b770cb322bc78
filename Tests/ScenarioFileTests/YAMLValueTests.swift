import ScenarioFile
import Testing

/// Generated YAML goes through Yams' emitter and reads back as what was built.
@Suite struct YAMLValueTests {
    @Test func writesOrderedBlocksFlowsAndQuotesOnlyWhatNeedsIt() throws {
        let document: YAMLValue = .mapping([
            ("name", .string("team-a")),
            ("description", .string("say \"hi\"\\")),
            ("classes", .mapping([("bug fix", .mapping([("share", .plain("0.5"))], flow: true)),
                                  ("yes", .mapping([("share", .plain("0.5"))], flow: true))])),
            ("stages", .sequence([.mapping([("name", .plain("delivery")), ("team", .plain("team"))])])),
        ])
        #expect(try document.document(comments: ["first", "two\r\nlines"]) == """
        # first
        # two
        # lines
        name: team-a
        description: "say \\"hi\\"\\\\"
        classes:
          "bug fix": {share: 0.5}
          "yes": {share: 0.5}
        stages:
        - name: delivery
          team: team

        """)
    }
}
