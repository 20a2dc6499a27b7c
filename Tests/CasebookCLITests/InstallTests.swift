import Foundation
import Testing

/// The installed command: `install.sh` into a prefix of its own, the installed binary run from `/`
/// on a PATH of its own, its manual, its completions, and an uninstall that leaves nothing.
@Suite(.serialized)
struct InstallTests {
  static let sourceRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path

  /// Runs a bash script with exactly `environment`, from `folder`; stdout, stderr and the status.
  static func bash(_ script: String, environment: [String: String], in folder: String = "/") throws -> (String, String, Int32) {
    let run = try ProgramRun("/bin/bash", ["-c", script], environment: environment, in: folder)
    return (run.stdout, run.stderr, run.status)
  }

  /// Completes `line` with the bash completion script at `script`, as Tab at its end would.
  static let completeLine = """
    complete_line() {
      COMP_LINE="$1"; COMP_POINT=${#COMP_LINE}
      read -ra COMP_WORDS <<<"$COMP_LINE"
      [[ "$COMP_LINE" == *" " ]] && COMP_WORDS+=("")
      COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
      COMPREPLY=()
      _casebook casebook "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
      printf '%s\\n' "${COMPREPLY[@]}"
    }
    """

  @Test func `Tab completes playbook ids, cases and clients' names through the generated bash script`() throws {
    let casebook = CasebookProcess()
    defer { casebook.removeHome() }
    let finished = try casebook.run(["run", fixture("small.yaml"), "--client", "Dana Ruiz"], input: "yes\nagreed\n")
    #expect(finished.status == 0, "\(finished.stderr)")
    let caseID = try #require(casebook.caseFolders().first)
    let script = try casebook.run(["--generate-completion-script", "bash"]).stdout
    let file = casebook.home + "/completion.bash"
    try script.write(toFile: file, atomically: true, encoding: .utf8)
    let binFolder = (CasebookProcess.binary as NSString).deletingLastPathComponent
    let environment = ["PATH": "\(binFolder):/usr/bin:/bin", "CASEBOOK_HOME": casebook.home, "HOME": casebook.home]
    let (stdout, stderr, status) = try Self.bash(
      """
      source \(TmuxSession.quote(file))
      \(Self.completeLine)
      echo "run:"; complete_line "casebook run no-"
      echo "resume:"; complete_line "casebook resume Da"
      echo "show:"; complete_line "casebook cases show \(caseID.prefix(4))"
      echo "done:"; complete_line "casebook done \(caseID.prefix(4))"
      echo "options:"; complete_line "casebook run no-show --cl"
      echo "action:"; complete_line "casebook done dana#"
      echo "client:"; complete_line "casebook run no-show --client Da"
      """, environment: environment)
    #expect(status == 0, "\(stderr)")
    let sections = Dictionary(
      uniqueKeysWithValues: stdout.components(separatedBy: "\n").split { $0.hasSuffix(":") && !$0.contains(" ") }
        .enumerated().map { ($0.offset, $0.element.filter { !$0.isEmpty }) })
    #expect(sections[0] == ["no-show"], "\(stdout)")
    #expect(sections[1] == ["Dana Ruiz"], "\(stdout)")
    #expect(sections[2] == [caseID], "\(stdout)")
    #expect(sections[3] == [caseID + "#"], "\(stdout)")
    #expect(sections[4] == ["--client"], "\(stdout)")
    #expect(sections[5] == ["dana#1"], "\(stdout)")
    #expect(sections[6] == ["Dana Ruiz"], "\(stdout)")
  }

  @Test(.enabled(if: HeavyTests.isEnabled, HeavyTests.reason))
  func `install.sh installs a casebook that works from any folder, with its manual and completions, and uninstalls exactly it`() throws {
    let prefix = FileManager.default.temporaryDirectory.appendingPathComponent("casebook-prefix-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: prefix) }
    var environment = ProcessInfo.processInfo.environment
    environment.removeValue(forKey: "CASEBOOK_PLAYBOOKS")
    let install = try Self.bash("bash install.sh --prefix \(TmuxSession.quote(prefix))", environment: environment, in: Self.sourceRoot)
    #expect(install.2 == 0, "\(install.1)")
    #expect(install.0.contains("\(prefix)/bin/casebook"), "\(install.0)")
    #expect(install.0.contains("Add \(prefix)/bin to your PATH"), "\(install.0)")

    // From `/`, with nothing of the source tree on the PATH or in the environment.
    let home = prefix + "/home"
    let own = ["PATH": "\(prefix)/bin:/usr/bin:/bin", "HOME": home, "CASEBOOK_HOME": home + "/casebook", "TERM": "dumb"]
    let list = try Self.bash("casebook list", environment: own)
    #expect(list.2 == 0, "\(list.1)")
    #expect(list.0.contains("no-show"), "\(list.0)")
    #expect(list.0.contains("late-cancel"), "\(list.0)")
    let run = try Self.bash("printf 'yes\\n' | casebook run no-show --client Ana | head -5", environment: own)
    #expect(!run.0.isEmpty, "\(run.1)")
    let manual = try Self.bash("MANPAGER=cat man -M \(TmuxSession.quote(prefix + "/share/man")) casebook", environment: own)
    #expect(manual.2 == 0, "\(manual.1)")
    #expect(manual.0.contains("casebook.run(1)"), "\(manual.0)")
    let completion = try Self.bash(
      """
      source \(TmuxSession.quote(prefix + "/share/bash-completion/completions/casebook"))
      \(Self.completeLine)
      complete_line "casebook run no-"
      """, environment: own)
    #expect(completion.0 == "no-show\n", "\(completion.1)")
    for file in ["share/zsh/site-functions/_casebook", "share/fish/vendor_completions.d/casebook.fish"] {
      #expect(FileManager.default.fileExists(atPath: "\(prefix)/\(file)"), "\(file)")
    }

    // Uninstalled from another folder, with the list the install kept: only the home is left.
    let uninstall = try Self.bash(
      "bash \(TmuxSession.quote(Self.sourceRoot + "/install.sh")) --uninstall --prefix \(TmuxSession.quote(prefix))",
      environment: environment, in: "/")
    #expect(uninstall.2 == 0, "\(uninstall.1)")
    let left = try FileManager.default.contentsOfDirectory(atPath: prefix)
    #expect(left == ["home"], "\(left)")
  }
}
