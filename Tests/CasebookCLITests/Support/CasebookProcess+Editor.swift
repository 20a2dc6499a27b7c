import Foundation

#if canImport(Glibc)
  import Glibc
#endif

extension CasebookProcess {
  /// Makes `:edit` run, as `$EDITOR`, a script that changes the draft file with a `sed`
  /// expression, as a person would; `$VISUAL` is emptied so that it is the one used.
  ///
  /// - Returns: The script's path, to remove when the test ends.
  mutating func useEditor(sed expression: String) throws -> String {
    let editor = home + "-editor.sh"
    try "#!/bin/sh\nsed -i '\(expression)' \"$1\"\n".write(toFile: editor, atomically: true, encoding: .utf8)
    _ = chmod(editor, 0o700)
    environment["EDITOR"] = editor
    environment["VISUAL"] = ""
    return editor
  }
}
