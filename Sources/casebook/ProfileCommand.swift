import ArgumentParser
import CasebookKit
import Foundation

extension Casebook {
  struct ProfileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "profile",
      abstract: "Your name, signature, links and policies, for the drafts (asks each at a terminal).",
      discussion: """
        Kept in $CASEBOOK_CONFIG/profile.yaml, else $CASEBOOK_HOME/config/profile.yaml, else \
        $XDG_CONFIG_HOME/casebook/profile.yaml, else ~/.config/casebook/profile.yaml.
        Fields: \(Profile.Key.allCases.map(\.rawValue).joined(separator: ", ")).
        Drafts read them as {{me.name}}, {{me.signature}}, … .
        """,
      subcommands: [Ask.self, Set.self, Show.self, Unset.self],
      defaultSubcommand: Ask.self)

    /// Asks for each field in turn; Enter keeps the value.
    struct Ask: ParsableCommand {
      static let configuration = CommandConfiguration(
        commandName: "ask", abstract: "Ask for each field in turn; Enter keeps the value shown.", shouldDisplay: false)

      func run() throws {
        let launcher = Launcher()
        let file = ProfileFile(environment: launcher.environment)
        var profile = try ProfileCommand.load(file, launcher)
        let console = launcher.console
        console.write("Your profile, for the drafts (\(file.path)). Enter keeps a value; '-' clears it.\n\n")
        for key in Profile.Key.allCases {
          while true {
            let current = profile[key].map { TextSanitizer.singleLine($0) }
            console.write(key.question + (current.map { " [\($0)]" } ?? "") + ": ")
            console.flush()
            guard var answer = readLine(strippingNewline: true) else {
              console.write("\n")
              try ProfileCommand.save(profile, to: file, launcher)
              return
            }
            if key == .signature && !answer.isEmpty && answer != "-" {
              while let more = readLine(strippingNewline: true), !more.isEmpty { answer += "\n" + more }
            }
            if answer.isEmpty { break }
            do {
              if answer == "-" { profile.unset(key) } else { try profile.set(key, to: answer) }
              break
            } catch {
              console.hint(error.description)
            }
          }
        }
        try ProfileCommand.save(profile, to: file, launcher)
        console.write("\nSaved \(file.path)\n")
      }
    }

    /// `casebook profile set KEY VALUE`.
    struct Set: ParsableCommand {
      static let configuration = CommandConfiguration(abstract: "Set one field: casebook profile set name \"Ana Costa\".")

      @Argument(help: "The field.")
      var key: String
      @Argument(help: "Its value (a signature may hold line breaks).")
      var value: [String]

      func run() throws {
        let launcher = Launcher()
        let file = ProfileFile(environment: launcher.environment)
        var profile = try ProfileCommand.load(file, launcher)
        let field = try ProfileCommand.key(key, launcher)
        do {
          try profile.set(field, to: value.joined(separator: " ").replacingOccurrences(of: "\\n", with: "\n"))
        } catch {
          launcher.console.error(error.description)
          throw ExitCode(1)
        }
        try ProfileCommand.save(profile, to: file, launcher)
        launcher.console.write("Set \(field.rawValue).\n")
      }
    }

    /// `casebook profile unset KEY`.
    struct Unset: ParsableCommand {
      static let configuration = CommandConfiguration(abstract: "Clear one field.")

      @Argument(help: "The field.")
      var key: String

      func run() throws {
        let launcher = Launcher()
        let file = ProfileFile(environment: launcher.environment)
        var profile = try ProfileCommand.load(file, launcher)
        let field = try ProfileCommand.key(key, launcher)
        profile.unset(field)
        try ProfileCommand.save(profile, to: file, launcher)
        launcher.console.write("Cleared \(field.rawValue).\n")
      }
    }

    /// `casebook profile show [--json]`.
    struct Show: ParsableCommand {
      static let configuration = CommandConfiguration(abstract: "Show the profile and where it is kept.")

      @Flag(help: "Print the fields as one JSON object (unset fields are null).")
      var json = false

      func run() throws {
        let launcher = Launcher()
        let file = ProfileFile(environment: launcher.environment)
        let profile = try ProfileCommand.load(file, launcher)
        if json {
          var fields: [String: String?] = [:]
          for key in Profile.Key.allCases { fields[key.rawValue] = profile[key] }
          launcher.console.writeVerbatim(try JSONOutput.encode(fields) + "\n")
          return
        }
        var text = "Profile: \(file.path)\(file.exists ? "" : " (not made yet: casebook profile)")\n"
        let width = Profile.Key.allCases.map(\.rawValue.count).max() ?? 0
        for key in Profile.Key.allCases {
          let name = key.rawValue.padding(toLength: width, withPad: " ", startingAt: 0)
          let lines = (profile[key] ?? "(not set)").split(separator: "\n", omittingEmptySubsequences: false)
          let indent = "\n" + String(repeating: " ", count: width + 4)
          text += "  \(name)  " + lines.map { TextSanitizer.clean(String($0)) }.joined(separator: indent) + "\n"
        }
        launcher.console.writeVerbatim(text)
      }
    }

    static func load(_ file: ProfileFile, _ launcher: Launcher) throws -> Profile {
      do {
        return try file.load()
      } catch {
        launcher.console.error(error.description)
        throw ExitCode(1)
      }
    }

    static func save(_ profile: Profile, to file: ProfileFile, _ launcher: Launcher) throws {
      do {
        try file.save(profile)
      } catch {
        launcher.console.error(error.description)
        throw ExitCode(1)
      }
    }

    static func key(_ name: String, _ launcher: Launcher) throws -> Profile.Key {
      switch Profile.Key.named(name) {
      case .success(let key): return key
      case .failure(let error):
        launcher.console.error(error.description)
        throw ExitCode(1)
      }
    }
  }
}
