import Foundation
import Testing
import TestSupport
@testable import Reports

/// What is at the destination decides how it is written: devices and FIFOs directly, symlinks
/// followed, directories refused, new files with the umask's mode.
@Suite("OutputBatch: destinations that are not plain files", .serialized)
struct OutputDestinationTests {
    @Test func devNullIsWrittenAndStaysADevice() throws {
        try AtomicFile.write("discarded", to: "/dev/null", option: "--json")
        var status = stat()
        #expect(stat("/dev/null", &status) == 0 && (status.st_mode & S_IFMT) == S_IFCHR)
    }

    @Test func devFullIsAClearErrorAndStaysADevice() throws {
        #expect {
            try AtomicFile.write(Array(repeating: 65, count: 10_000), to: "/dev/full", option: "--json")
        } throws: { error in
            (error as? ReportError)?.description == "--json: /dev/full: cannot write to it: No space left on device"
        }
        var status = stat()
        #expect(stat("/dev/full", &status) == 0 && (status.st_mode & S_IFMT) == S_IFCHR)
    }

    @Test func fifoIsWrittenDirectlyToItsReader() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let fifo = folder.file("pipe")
        #expect(mkfifo(fifo, 0o600) == 0)
        let bytes = Array(repeating: UInt8(ascii: "x"), count: 200_000)   // more than a pipe's buffer
        let received = FIFOReader(fifo)
        try AtomicFile.write(bytes, to: fifo, option: "--json")
        #expect(received.wait() == bytes.count)
        #expect(contents(folder.path) == ["pipe"])
    }

    @Test func symlinkIsFollowedAndStaysALink() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let target = try folder.write("old", to: "target.json")
        let link = folder.file("link.json")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "target.json")
        try AtomicFile.write("new", to: link)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "target.json")
        #expect(try text(target) == "new")
        #expect(contents(folder.path) == ["link.json", "target.json"])
    }

    @Test func danglingSymlinkCreatesItsTarget() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let link = folder.file("link.json")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "made.json")
        try AtomicFile.write("new", to: link)
        #expect(try text(folder.file("made.json")) == "new")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "made.json")
    }

    @Test func directoryIsRefusedNamingTheOption() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let target = folder.file("taken")
        try FileManager.default.createDirectory(atPath: target + "/inner", withIntermediateDirectories: true)
        #expect {
            try AtomicFile.write("data", to: target, option: "--html")
        } throws: { error in
            (error as? ReportError)?.description == "--html: \(target): is a directory; give a file path"
        }
        #expect(contents(folder.path) == ["taken"])
        #expect(contents(target) == ["inner"])
    }

    @Test func newFilesHonourTheUmask() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let old = umask(0o027)
        defer { umask(old) }
        try AtomicFile.write("x", to: folder.file("a.json"))
        umask(0o002)
        try AtomicFile.write("x", to: folder.file("b.json"))
        let modes = try ["a.json", "b.json"].map {
            try FileManager.default.attributesOfItem(atPath: folder.file($0))[.posixPermissions] as? Int
        }
        #expect(modes == [0o640, 0o664])
    }
}

/// Reads a FIFO to its end on another thread and counts the bytes.
final class FIFOReader: @unchecked Sendable {
    private var count = 0
    private let done = DispatchSemaphore(value: 0)

    init(_ path: String) {
        Thread.detachNewThread {
            let handle = FileHandle(forReadingAtPath: path)
            self.count = handle?.readDataToEndOfFile().count ?? -1
            self.done.signal()
        }
    }

    func wait() -> Int {
        done.wait()
        return count
    }
}
