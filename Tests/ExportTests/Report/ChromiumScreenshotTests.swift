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

    @Test func screenshotShowsTheFourCharts() throws {
        let chromium = try #require(ExternalTools.chromium, "Chromium is needed on CI (.ci/run installs Debian's chromium)")
        let python = try #require(ExternalTools.python3, "python3 is needed on CI")
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let run = try exportRun(testVariants(in: dir), replications: 2, items: true)
        try Exporter.export(run, to: dir.path + "/out", force: false, report: true)
        let shot = dir.path + "/shot.png"
        let height = Int(ReportLayout.chartsBottom) + 12
        let result = try runProcess(chromium, [
            "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--force-device-scale-factor=1",
            "--no-first-run", "--user-data-dir=\(dir.path)/profile",
            "--window-size=\(Int(ReportLayout.pageWidth)),\(height)", "--screenshot=\(shot)",
            "file://\(dir.path)/out/report.html",
        ])
        #expect(FileManager.default.fileExists(atPath: shot), "chromium wrote no screenshot: \(result.stderr.suffix(2000))")
        // Keep the last screenshot for people to look at.
        if let keep = ProcessInfo.processInfo.environment["DELIVERYSIM_SCREENSHOT"] {
            try? FileManager.default.removeItem(atPath: keep)
            try? FileManager.default.copyItem(atPath: shot, toPath: keep)
        }
        // Each chart's box (inside its border), then two places where nothing is drawn: the
        // header and the gap between the lead-time and value-stream boxes.
        var boxes = ReportLayout.charts.map { "\(Int($0.x) + 3),\(Int($0.y) + 3),\(Int($0.width) - 6),\(Int($0.height) - 6)" }
        boxes += ["0,0,\(Int(ReportLayout.pageWidth)),80", "634,1000,12,440"]
        let counted = try runProcess(python, ["-c", Self.counter, shot] + boxes)
        #expect(counted.status == 0, "\(counted.stderr)")
        let out = try #require(JSONSerialization.jsonObject(with: Data(counted.stdout.utf8)) as? [String: Any])
        #expect(out["width"] as? Int == Int(ReportLayout.pageWidth) && out["height"] as? Int == height)
        let counts = try #require(out["counts"] as? [Int])
        try #require(counts.count == 6)
        for (i, box) in ReportLayout.charts.enumerated() {
            // At least 1% of the box is coloured marks (bands, dots, lines, bars).
            let area = Int(box.width * box.height)
            #expect(counts[i] > area / 100, "chart \(box.id): \(counts[i]) coloured pixels of \(area)")
        }
        #expect(counts[4] < 50 && counts[5] < 10, "no marks outside the charts: \(counts)")
    }
}
