import Export
import Foundation
import Testing
import TestSupport

/// The report rendered by headless Chromium: a screenshot shows every chart drawn in its box.
/// Skipped where Chromium or python3 is not installed, except on CI (`CI` set: `.ci/run` installs
/// them), where it fails instead.
@Suite(.enabled(if: runsWith(ExternalTools.chromium), "needs Chromium (apt-get install -y chromium)"),
       .enabled(if: runsWith(ExternalTools.python3), "needs python3"))
struct ChromiumScreenshotTests {
    /// Decodes a PNG (Pillow if there, else the standard library's zlib) and counts, in each
    /// box x,y,w,h given on the command line, the coloured pixels: max − min channel > 40, so
    /// white, grey axes and black text do not count.
    static let counter = #"""
    import json, struct, sys, zlib
    def decode(path):
        try:
            from PIL import Image
            im = Image.open(path).convert("RGB")
            return im.size[0], im.size[1], 3, im.tobytes()
        except ImportError:
            pass
        data = open(path, "rb").read()
        assert data[:8] == b"\x89PNG\r\n\x1a\n"
        pos, idat = 8, b""
        while pos < len(data):
            n, kind = struct.unpack(">I4s", data[pos:pos + 8])
            body = data[pos + 8:pos + 8 + n]
            if kind == b"IHDR":
                w, h, depth, ctype, _, _, interlace = struct.unpack(">IIBBBBB", body)
                assert depth == 8 and ctype in (2, 6) and interlace == 0
            elif kind == b"IDAT":
                idat += body
            pos += 12 + n
        bpp = 3 if ctype == 2 else 4
        raw, stride = zlib.decompress(idat), w * bpp
        out, prev = bytearray(), bytearray(stride)
        for y in range(h):
            f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
            for i in range(stride):
                a = line[i - bpp] if i >= bpp else 0
                b, c = prev[i], (prev[i - bpp] if i >= bpp else 0)
                if f == 1: line[i] = (line[i] + a) & 255
                elif f == 2: line[i] = (line[i] + b) & 255
                elif f == 3: line[i] = (line[i] + (a + b) // 2) & 255
                elif f == 4:
                    p = a + b - c
                    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                    line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
            out += line
            prev = line
        return w, h, bpp, bytes(out)
    w, h, bpp, px = decode(sys.argv[1])
    counts = []
    for box in sys.argv[2:]:
        x0, y0, bw, bh = (int(v) for v in box.split(","))
        n = 0
        for y in range(max(0, y0), min(h, y0 + bh)):
            row = px[(y * w) * bpp:(y * w + w) * bpp]
            for x in range(max(0, x0), min(w, x0 + bw)):
                r, g, b = row[x * bpp], row[x * bpp + 1], row[x * bpp + 2]
                if max(r, g, b) - min(r, g, b) > 40:
                    n += 1
        counts.append(n)
    print(json.dumps({"width": w, "height": h, "counts": counts}))
    """#

    /// Appended to a copy of the report (the report itself has no script): writes the page's
    /// scroll width, the window's width and every chart's box into the DOM for --dump-dom.
    static let probe = """
    <script>document.body.setAttribute("data-probe", JSON.stringify({sw: document.documentElement.scrollWidth, \
    w: window.innerWidth, svgs: Array.from(document.querySelectorAll("svg")).map(function (s) { var r = s.getBoundingClientRect(); \
    return [s.id, Math.round(r.left), Math.round(r.top + window.scrollY), Math.round(r.width), Math.round(r.height)]; })}));</script>
    """

    /// At 800 and at 1 600 px of window the page never scrolls sideways, every chart lies inside
    /// the window, and each chart shows its marks in the screenshot.
    @Test(arguments: [800, 1600]) func readsWithoutSidewaysScrolling(width: Int) throws {
        let chromium = try #require(ExternalTools.chromium, "Chromium is needed on CI (.ci/run installs Debian's chromium)")
        let python = try #require(ExternalTools.python3, "python3 is needed on CI")
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let run = try exportRun(testVariants(in: dir), replications: 2, items: true)
        try Exporter.export(run, to: dir.path + "/out", force: false, report: true)
        let html = try dir.read("out/report.html")
        try dir.write("out/probe.html", html.replacingOccurrences(of: "</body>", with: Self.probe + "</body>"))
        let common = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--force-device-scale-factor=1",
                      "--no-first-run", "--user-data-dir=\(dir.path)/profile"]
        let dom = try runProcess(chromium, common + ["--window-size=\(width),3000", "--dump-dom", "file://\(dir.path)/out/probe.html"])
        let start = try #require(dom.stdout.range(of: "data-probe=\""), "no probe in the DOM: \(dom.stderr.suffix(2000))")
        let end = try #require(dom.stdout.range(of: "\"", range: start.upperBound..<dom.stdout.endIndex))
        let json = String(dom.stdout[start.upperBound..<end.lowerBound]).replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&amp;", with: "&")
        let probe = try #require(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let scrollWidth = try #require(probe["sw"] as? Int), window = try #require(probe["w"] as? Int)
        #expect(window == width)
        #expect(scrollWidth <= width, "the page is \(scrollWidth) px wide in a \(width) px window: it scrolls sideways")
        let svgs = try #require(probe["svgs"] as? [[Any]])
        let ids = svgs.compactMap { $0.first as? String }
        #expect(ids == ["value-stream", "dora-keys", "lead-time", "cumulative-flow"])
        let boxes = svgs.map { $0.dropFirst().compactMap { $0 as? Int } }
        for (id, box) in zip(ids, boxes) {
            #expect(box.count == 4 && box[0] >= 0 && box[0] + box[2] <= width, "\(id) at \(box) is not inside the \(width) px window")
            // Drawn at about its own size: neither shrunk below 90% nor blown up past 110%.
            #expect(Double(box[2]) >= 0.9 * ReportLayout.chartWidth && Double(box[2]) <= 1.1 * ReportLayout.chartWidth, "\(id) is \(box[2]) px wide")
        }
        let height = (boxes.map { $0[1] + $0[3] }.max() ?? 1000) + 20
        let shot = dir.path + "/shot.png"
        let result = try runProcess(chromium, common + ["--window-size=\(width),\(height)", "--screenshot=\(shot)", "file://\(dir.path)/out/report.html"])
        #expect(FileManager.default.fileExists(atPath: shot), "chromium wrote no screenshot: \(result.stderr.suffix(2000))")
        // Keep the last screenshot for people to look at.
        if let keep = ProcessInfo.processInfo.environment["DELIVERYSIM_SCREENSHOT"] {
            let path = keep.replacingOccurrences(of: ".png", with: "-\(width).png")
            try? FileManager.default.removeItem(atPath: path)
            try? FileManager.default.copyItem(atPath: shot, toPath: path)
        }
        // Each chart's box (inside), then the header, where no coloured mark is drawn.
        let regions = boxes.map { "\($0[0] + 3),\($0[1] + 3),\($0[2] - 6),\($0[3] - 6)" } + ["0,0,\(width),60"]
        let counted = try runProcess(python, ["-c", Self.counter, shot] + regions)
        #expect(counted.status == 0, "\(counted.stderr)")
        let out = try #require(JSONSerialization.jsonObject(with: Data(counted.stdout.utf8)) as? [String: Any])
        #expect(out["width"] as? Int == width && out["height"] as? Int == height)
        let counts = try #require(out["counts"] as? [Int])
        try #require(counts.count == boxes.count + 1)
        for (i, box) in boxes.enumerated() {
            // At least 1% of the box is coloured marks (bands, dots, lines, bars).
            let area = box[2] * box[3]
            #expect(counts[i] > area / 100, "chart \(ids[i]): \(counts[i]) coloured pixels of \(area)")
        }
        #expect(counts[boxes.count] < 50, "no coloured marks in the header: \(counts)")
    }
}
