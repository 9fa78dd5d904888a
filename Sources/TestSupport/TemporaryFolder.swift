import Foundation

/// A fresh folder under the system's temporary directory, for tests that write files.
public struct TemporaryFolder: Sendable {
    /// The folder's path.
    public let path: String

    /// Creates a new, empty, uniquely named folder.
    public init() throws {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("faultline-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        path = url.path
    }

    /// The path of `name` inside the folder.
    public func file(_ name: String) -> String { path + "/" + name }

    /// Writes `text` to `name` inside the folder and returns its path.
    @discardableResult
    public func write(_ text: String, to name: String) throws -> String {
        try text.write(toFile: file(name), atomically: true, encoding: .utf8)
        return file(name)
    }

    /// Removes the folder and everything in it.
    public func remove() { try? FileManager.default.removeItem(atPath: path) }
}
