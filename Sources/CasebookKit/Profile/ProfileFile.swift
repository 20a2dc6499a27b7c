import Foundation
import Yams

/// Where the profile is kept, and reading and writing it as YAML (0600, in a folder made 0700).
public struct ProfileFile: Sendable {
  /// The file's path.
  public let path: String

  /// The profile's file name.
  public static let fileName = "profile.yaml"

  /// The profile of `environment`: `$CASEBOOK_CONFIG/profile.yaml`, else
  /// `$CASEBOOK_HOME/config/profile.yaml`, else `$XDG_CONFIG_HOME/casebook/profile.yaml`, else
  /// `~/.config/casebook/profile.yaml`.
  public init(environment: [String: String]) {
    func set(_ name: String) -> String? { environment[name].flatMap { $0.isEmpty ? nil : $0 } }
    let folder: String
    if let config = set("CASEBOOK_CONFIG") {
      folder = config
    } else if let home = set("CASEBOOK_HOME") {
      folder = home + "/config"
    } else if let xdg = set("XDG_CONFIG_HOME"), xdg.hasPrefix("/") {
      folder = xdg + "/casebook"
    } else {
      folder = (set("HOME") ?? NSHomeDirectory()) + "/.config/casebook"
    }
    path = folder + "/" + Self.fileName
  }

  /// A profile file at `path`.
  public init(path: String) { self.path = path }

  /// The folder that holds it.
  public var folder: String { String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)]) }

  /// Whether the file exists: the one check made on the way to a case's first prompt.
  public var exists: Bool { access(path, F_OK) == 0 }

  /// The profile kept there; an empty one when there is no file.
  public func load() throws(ProfileError) -> Profile {
    let bytes: [UInt8]
    do {
      bytes = try POSIX.readFile(path)
    } catch {
      if error.code == ENOENT { return Profile() }
      throw .unreadable(path: path, reason: error.reason)
    }
    return try Self.profile(fromYAML: String(decoding: bytes, as: UTF8.self), path: path)
  }

  /// Reads a profile's YAML: a mapping of field names to texts. A value the profile refuses, or a
  /// field it does not know, is an error that says which.
  public static func profile(fromYAML text: String, path: String) throws(ProfileError) -> Profile {
    let node: Node?
    do {
      node = try Yams.compose(yaml: text)
    } catch {
      throw .unreadable(path: path, reason: "it is not YAML (\(error))")
    }
    guard let node else { return Profile() }
    guard let mapping = node.mapping else { throw .unreadable(path: path, reason: "it is not a list of 'field: value' lines") }
    var profile = Profile()
    for (keyNode, valueNode) in mapping {
      guard let name = keyNode.string else { continue }
      guard case .success(let key) = Profile.Key.named(name) else {
        throw .unreadable(path: path, reason: Profile.Key.named(name).failureDescription ?? name)
      }
      guard let value = valueNode.string ?? valueNode.scalar?.string else {
        throw .unreadable(path: path, reason: "\(name) must be text")
      }
      do {
        try profile.set(key, to: value)
      } catch {
        throw .unreadable(path: path, reason: error.description)
      }
    }
    return profile
  }

  /// The YAML that keeps `profile`: its fields in the usual order, a signature as a block.
  public static func yaml(of profile: Profile) -> String {
    var pairs: [(Node, Node)] = []
    for key in Profile.Key.allCases {
      guard let value = profile[key] else { continue }
      let style: Node.Scalar.Style = value.contains("\n") ? .literal : .plain
      pairs.append((Node(key.rawValue), Node(value, .implicit, style)))
    }
    guard !pairs.isEmpty else { return "" }
    return (try? Yams.serialize(node: Node(pairs), allowUnicode: true)) ?? ""
  }

  /// Writes `profile` in place of the file, whole: a new file 0600 renamed over the old one.
  public func save(_ profile: Profile) throws(ProfileError) {
    let temporary = path + ".new"
    do {
      try POSIX.makeDirectories(folder, trusting: folder)
      POSIX.remove(temporary)
      let descriptor = try POSIX.createExclusive(temporary)
      defer { POSIX.close(descriptor) }
      try POSIX.writeAll(descriptor, Array(Self.yaml(of: profile).utf8), path: temporary)
      try POSIX.sync(descriptor, path: temporary)
      try POSIX.rename(temporary, to: path)
    } catch {
      POSIX.remove(temporary)
      throw .unreadable(path: path, reason: "it cannot be written: \(error.reason)")
    }
  }
}

extension Result where Failure == ProfileError {
  fileprivate var failureDescription: String? {
    if case .failure(let error) = self { error.description } else { nil }
  }
}
