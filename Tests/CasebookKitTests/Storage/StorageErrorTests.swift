@testable import CasebookKit
import Foundation
import Testing

@Suite struct StorageErrorTests {
  @Test(arguments: [
    (ENOSPC, "free some disk space, then try again"),
    (EDQUOT, "free some disk space, then try again"),
    (EROFS, "the file system is read-only; set CASEBOOK_HOME to a writable folder"),
    (EPERM, "check the folder's owner and permissions, or set CASEBOOK_HOME"),
    (ELOOP, "something unexpected is in the way (a link or an existing file); move it aside"),
    (EIO, "the disk reported an I/O error; check it, then try again"),
    (ENOENT, "check the folder, then try again"),
  ])
  func `each errno gets its advice`(code: Int32, advice: String) {
    #expect(StorageError.advice(forErrno: code) == advice)
  }

  @Test func `a failed call names the operation, the call, the path, the reason and the advice`() {
    let failure = POSIX.Failure(call: "write", path: "/home/cases/c/journal.log", code: EACCES)
    #expect(
      StorageError.io(failure, operation: .saveAnswer).description
        == "could not save the answer to the case journal: write '/home/cases/c/journal.log' failed: "
        + "Permission denied; check the folder's owner and permissions, or set CASEBOOK_HOME")
    #expect(
      StorageError.io(failure, operation: .write(fileName: "record.md")).description
        == "could not write 'record.md': write '/home/cases/c/journal.log' failed: "
        + "Permission denied; check the folder's owner and permissions, or set CASEBOOK_HOME")
  }

  @Test func `a locked or damaged journal and a missing action are worded for the person`() {
    #expect(
      StorageError.locked(path: "/c/journal.log").description
        == "this case is open in another Casebook; finish or quit it there first ('/c/journal.log' is locked)")
    #expect(
      StorageError.damaged(path: "/c/journal.log", line: 3, problem: "bad checksum", isLeftAsIs: true).description
        == "the journal '/c/journal.log' is damaged at line 3: bad checksum; it was left as it is")
    #expect(
      StorageError.damaged(path: "/c/journal.log", line: 3, problem: "bad checksum", isLeftAsIs: false).description
        == "the journal '/c/journal.log' is damaged at line 3: bad checksum")
    #expect(
      StorageError.noSuchAction(caseName: "late", number: 4, count: 1).description
        == "case 'late' has 1 next action; there is no number 4")
    #expect(
      StorageError.noSuchAction(caseName: "late", number: 4, count: 2).description
        == "case 'late' has 2 next actions; there is no number 4")
  }
}
