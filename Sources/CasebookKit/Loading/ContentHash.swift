/// A short, stable fingerprint of a file's bytes (64-bit FNV-1a), to notice that a playbook changed.
///
/// Not a security measure: it only tells versions of a file apart.
public enum ContentHash {
  /// The fingerprint of `bytes` as 16 hexadecimal digits.
  public static func hex(of bytes: some Sequence<UInt8>) -> String {
    func fold(_ bytes: some Sequence<UInt8>) -> UInt64 {
      var hash: UInt64 = 0xcbf2_9ce4_8422_2325
      for byte in bytes {
        hash ^= UInt64(byte)
        hash = hash &* 0x0000_0100_0000_01b3
      }
      return hash
    }
    // A contiguous buffer is read directly, not through the sequence's iterator (Data's is slow).
    let hash = bytes.withContiguousStorageIfAvailable { fold($0) } ?? fold(bytes)
    let digits = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
  }
}
