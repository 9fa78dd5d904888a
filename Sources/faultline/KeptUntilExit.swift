/// Keeps `value` alive until the process exits: it is never freed. For a command's big results
/// (a million circuits and their strings) when the command ends right after: the system takes
/// the whole memory back at exit at no cost, while freeing them would visit every one of them
/// (tens of milliseconds on the command's critical path).
func keepUntilExit<Value>(_ value: consuming Value) {
    _ = Unmanaged.passRetained(Kept(value))
}

/// A box for ``keepUntilExit(_:)``, retained once more than anyone releases it.
private final class Kept<Value> {
    let value: Value
    init(_ value: consuming Value) { self.value = value }
}
