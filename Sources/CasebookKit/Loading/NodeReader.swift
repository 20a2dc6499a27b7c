import Yams

/// Reads the shape of a composed YAML document into model values, collecting every problem it
/// finds instead of stopping at the first.
///
/// This file holds the playbook's top level and the step lists with their included part files;
/// each other section is read in a `NodeReader+Section.swift` extension, with the keys it allows in
/// `NodeReader+Keys.swift` and the field helpers in `NodeReader+Fields.swift`.
struct NodeReader {
  /// A part file read for an include.
  struct IncludedPart {
    var root: Node
    var source: String
    /// The file's resolved path, which tells one file from another however it is named.
    var identity: String
  }

  let file: String
  private(set) var diagnostics: [Diagnostic] = []
  /// Reads an included file, given the path as written and joined to the including file's folder.
  var includeReader: (_ written: String, _ path: String, _ at: SourceLocation) -> Result<IncludedPart, Diagnostic> = {
    _, _, at in .failure(.unreadableFile("includes are not available here", at: at))
  }
  /// This file's resolved path.
  var identity: String
  /// The resolved paths of the files including this one, outermost first, to stop a cycle.
  var includeStack: [String] = []
  /// The text of every included file, by path, for showing source lines.
  private(set) var includedSources: [String: String] = [:]
  /// The identifiers of steps that could not be read, so that links to them are not reported too.
  /// The steps that could not be read, and the `next` names written in them.
  var unread = UnreadSteps()
  /// Every `handover:` read, valid or not, so it can be checked against the catalog whatever
  /// else is broken.
  var handovers: [PlaybookLoader.Handover] = []

  init(file: String, identity: String? = nil) {
    self.file = file
    self.identity = identity ?? file
  }

  // MARK: - Playbook

  /// The versions of the playbook format this Casebook reads (`format: 1`).
  static let knownFormats = ["1"]

  mutating func readPlaybook(_ root: Node, contentHash: String) -> Playbook? {
    // A playbook of another format would be misread key by key: one error, and nothing else read.
    if let format = root.mapping?[PlaybookKey.format.rawValue], format.scalar.map({ Self.knownFormats.contains($0.string.trimmingWhitespace()) }) != true {
      report(.unknownFormat(format.scalar?.string ?? describe(format), known: Self.knownFormats, at: location(of: format)))
      return nil
    }
    guard let fields = fields(of: root, named: "the playbook", allowed: PlaybookKey.self) else {
      return nil
    }
    let rootLocation = location(of: root)
    let id = requiredString(.id, in: fields, context: "the playbook", at: rootLocation)
    if let id, let node = fields[.id], !StepID.isValid(id) {
      report(.badID(id, what: "playbook id", at: location(of: node.value)))
    }
    let title = requiredString(.title, in: fields, context: "the playbook", at: rootLocation)
    let summary = optionalString(.summary, in: fields)
    let start = requiredString(.start, in: fields, context: "the playbook", at: rootLocation)
    var steps: [Step] = []
    var hasStepList = false
    if let stepsNode = fields[.steps]?.value {
      if case .sequence(let sequence) = stepsNode {
        hasStepList = true
        if sequence.isEmpty {
          report(.emptyText(field: "steps", at: location(of: stepsNode)))
        }
        steps = readSteps(sequence)
      } else {
        report(.wrongType("steps", expected: "a list of steps", found: describe(stepsNode), at: location(of: stepsNode)))
      }
    } else {
      report(.missingKey("steps", in: "the playbook", at: rootLocation))
    }
    guard let id, let title, let start, hasStepList else { return nil }
    var first = StepID(start)
    var names: [String] = []
    if let inputsField = fields[.inputs] {
      let startAt = fields[.start].map { location(of: $0.value) }
      let inputSteps = readInputs(inputsField.value, leadingTo: first, writtenAt: startAt)
      steps = inputSteps + steps
      first = inputSteps.first?.id ?? first
      names = inputSteps.compactMap { if case .ask(let question) = $0.kind { question.save } else { nil } }
    }
    var playbook = Playbook(
      id: id, title: title, summary: summary, start: first, steps: steps, file: file, contentHash: contentHash)
    playbook.inputs = names
    if let field = fields[.rehearsal] { playbook.rehearsal = readRehearsal(field.value) }
    if let field = fields[.practice] { playbook.scenarios = readScenarios(field.value) }
    if let field = fields[.translations] { playbook.translations = readTranslations(field.value) }
    return playbook
  }

  // MARK: - Step lists and parts

  /// The steps of a list, with each `- include: FILE` replaced by that file's steps.
  private mutating func readSteps(_ sequence: Node.Sequence) -> [Step] {
    var steps: [Step] = []
    let nodes = Array(sequence)
    for (position, node) in nodes.enumerated() {
      if let includeNode = node.mapping?["include"] {
        steps += readInclude(node, includeNode)
      } else if let step = readStep(node) {
        steps.append(step)
      } else if let id = node.mapping?[StepKey.id.rawValue]?.scalar?.string {
        unread.ids.insert(StepID(id))
        if let save = node.mapping?[StepKey.save.rawValue]?.scalar?.string { unread.savedNames.insert(save) }
        // A step whose `next` is missing is taken to lead to the step written below it.
        let written = Self.writtenNexts(in: node)
        let below = nodes.dropFirst(position + 1).first?.mapping?[StepKey.id.rawValue]?.scalar?.string
        unread.links[StepID(id), default: []] += written.isEmpty ? below.map { [StepID($0)] } ?? [] : written
      } else {
        unread.looseTargets.formUnion(Self.writtenNexts(in: node))
      }
    }
    return steps
  }

  private mutating func readInclude(_ node: Node, _ includeNode: Node) -> [Step] {
    let at = location(of: includeNode)
    guard node.mapping?.count == 1, let relative = includeNode.scalar?.string, !relative.isEmpty else {
      report(.wrongType("include", expected: "only the path of a part file, such as 'parts/reschedule.yaml'", found: describe(includeNode), at: at))
      return []
    }
    guard !relative.hasPrefix("/") else {
      report(.includeOutside(relative, at: at))
      return []
    }
    let folder = file.contains("/") ? String(file[..<(file.lastIndex(of: "/") ?? file.endIndex)]) : "."
    let path = "\(folder)/\(relative)"
    switch includeReader(relative, path, at) {
    case .failure(let diagnostic):
      report(diagnostic)
      return []
    case .success(let included):
      let outer = includeStack + [identity]
      guard !outer.contains(included.identity), outer.count <= 8 else {
        report(.includeCycle(relative, at: at))
        return []
      }
      var reader = NodeReader(file: path, identity: included.identity)
      reader.includeReader = includeReader
      reader.includeStack = outer
      let steps = reader.readPart(included.root)
      diagnostics += reader.diagnostics
      unread.ids.formUnion(reader.unread.ids)
      unread.links.merge(reader.unread.links) { $0 + $1 }
      unread.looseTargets.formUnion(reader.unread.looseTargets)
      includedSources[path] = included.source
      includedSources.merge(reader.includedSources) { first, _ in first }
      return steps
    }
  }

  /// A part file: `part:` (its name) and `steps:`, to be included in playbooks.
  private mutating func readPart(_ root: Node) -> [Step] {
    guard let fields = fields(of: root, named: "a part file", allowed: PartKey.self) else { return [] }
    guard let stepsField = fields[.steps], case .sequence(let sequence) = stepsField.value else {
      report(.missingKey("steps", in: "a part file", at: location(of: root)))
      return []
    }
    return readSteps(sequence)
  }

  // MARK: - Helpers

  /// Every text written under a `next` key anywhere in `node` (of a step that could not be read).
  static func writtenNexts(in node: Node) -> [StepID] {
    var found: [StepID] = []
    var pending = [node]
    while let current = pending.popLast(), found.count < 1_000 {
      switch current {
      case .mapping(let mapping):
        for (key, value) in mapping {
          if key.scalar?.string == "next", let text = value.scalar?.string { found.append(StepID(text.trimmingWhitespace())) }
          pending.append(value)
        }
      case .sequence(let sequence): pending.append(contentsOf: sequence)
      case .scalar, .alias: continue
      }
    }
    return found
  }

  static func isValidName(_ name: String) -> Bool {
    guard let first = name.unicodeScalars.first, ("a"..."z").contains(first) || first == "_" else { return false }
    return name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
  }

  mutating func report(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

  func location(of node: Node) -> SourceLocation {
    SourceLocation(file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
  }

  func describe(_ node: Node) -> String {
    switch node {
    case .scalar(let scalar): scalar.string.isEmpty ? "nothing" : "text"
    case .mapping: "a mapping"
    case .sequence: "a list"
    case .alias: "an alias"
    }
  }
}
