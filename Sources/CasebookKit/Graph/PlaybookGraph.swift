/// Draws a playbook's decision tree: steps as nodes shaped by kind, answers on the edges, timers
/// and ends marked.
public enum PlaybookGraph {
  /// The diagram languages.
  public enum Format: String, Sendable, CaseIterable {
    /// Mermaid flowchart, shown by GitHub and many editors.
    case mermaid
    /// Graphviz DOT.
    case dot
  }

  /// The playbook as a diagram.
  public static func render(_ playbook: Playbook, as format: Format) -> String {
    switch format {
    case .mermaid: mermaid(playbook)
    case .dot: dot(playbook)
    }
  }

  /// One edge: from, to, and its label if any.
  static func edges(of step: Step) -> [(to: StepID, label: String?)] {
    switch step.kind {
    case .say(_, let next): return [(next, nil)]
    case .end: return []
    case .branch(let cases): return cases.map { ($0.next, $0.source.map { "when " + $0 } ?? "otherwise") }
    case .ask(let question):
      switch question.answers {
      case .choices(let choices): return choices.map { ($0.next, $0.answer + ($0.condition == nil ? "" : " (if …)")) }
      case .input(let kind, let next): return [(next, kind.rawValue)]
      case .checklist(_, let next): return [(next, "ticked items")]
      }
    }
  }

  static func label(of step: Step) -> String {
    var text = step.text
    if case .branch = step.kind { text = "decide" }
    if step.isInput { text = "input: " + text }
    var label = shortened(text)
    if let timer = step.timer { label += " [timer: \(timer)]" }
    if let handover = step.handover { label += " [hand over: \(handover)]" }
    if !step.drafts.isEmpty { label += " [\(step.drafts.count) draft\(step.drafts.count == 1 ? "" : "s")]" }
    return label
  }

  static func shortened(_ text: String) -> String {
    let clean = TextSanitizer.clean(text)
    return clean.count > 48 ? String(clean.prefix(47)) + "…" : clean
  }

  private static func mermaid(_ playbook: Playbook) -> String {
    func node(_ id: StepID) -> String { "s_" + id.rawValue.map { $0 == "-" ? "_" : $0 }.reduce("") { $0 + String($1) } }
    func quote(_ text: String) -> String {
      "\"" + text.replacingAll(["\"": "#quot;", "<": "#lt;", ">": "#gt;"]) + "\""
    }
    var lines = ["flowchart TD"]
    for step in playbook.steps {
      let text = quote(label(of: step))
      switch step.kind {
      case .say: lines.append("  \(node(step.id))[\(text)]")
      case .ask: lines.append("  \(node(step.id)){\(text)}")
      case .end: lines.append("  \(node(step.id))([\(text)])")
      case .branch: lines.append("  \(node(step.id)){{\(text)}}")
      }
    }
    for step in playbook.steps {
      for edge in edges(of: step) {
        let label = edge.label.map { "|\(quote(shortened($0)))|" } ?? ""
        lines.append("  \(node(step.id)) -->\(label) \(node(edge.to))")
      }
    }
    let ends = playbook.steps.filter(\.isEnd).map { node($0.id) }
    if !ends.isEmpty {
      lines.append("  classDef finish fill:#e6f4ea,stroke:#34a853")
      lines.append("  class \(ends.joined(separator: ",")) finish")
    }
    let timed = playbook.steps.filter { $0.timer != nil }.map { node($0.id) }
    if !timed.isEmpty {
      lines.append("  classDef timer stroke:#e37400,stroke-width:3px")
      lines.append("  class \(timed.joined(separator: ",")) timer")
    }
    lines.append("  start((start)) --> \(node(playbook.start))")
    return lines.joined(separator: "\n") + "\n"
  }

  private static func dot(_ playbook: Playbook) -> String {
    func quote(_ text: String) -> String { "\"" + text.replacingAll(["\\": "\\\\", "\"": "\\\""]) + "\"" }
    var lines = ["digraph \(quote(playbook.id)) {", "  rankdir=TB;", "  node [fontname=\"Helvetica\"];"]
    lines.append("  \"__start\" [shape=circle, label=\"start\"];")
    for step in playbook.steps {
      let shape: String
      var extra = ""
      switch step.kind {
      case .say: shape = "box"
      case .ask: shape = "diamond"
      case .end:
        shape = "doubleoctagon"
        extra = ", style=filled, fillcolor=\"#e6f4ea\""
      case .branch: shape = "hexagon"
      }
      if step.timer != nil { extra += ", color=\"#e37400\", penwidth=3" }
      lines.append("  \(quote(step.id.rawValue)) [shape=\(shape), label=\(quote(label(of: step)))\(extra)];")
    }
    lines.append("  \"__start\" -> \(quote(playbook.start.rawValue));")
    for step in playbook.steps {
      for edge in edges(of: step) {
        let label = edge.label.map { " [label=\(quote(shortened($0)))]" } ?? ""
        lines.append("  \(quote(step.id.rawValue)) -> \(quote(edge.to.rawValue))\(label);")
      }
    }
    lines.append("}")
    return lines.joined(separator: "\n") + "\n"
  }
}

extension String {
  func replacingAll(_ replacements: [Character: String]) -> String {
    var result = ""
    for character in self {
      if let replacement = replacements[character] { result += replacement } else { result.append(character) }
    }
    return result
  }
}

extension Step {
  /// Whether this step asks for one of the playbook's inputs.
  public var isInput: Bool {
    if case .ask(let question) = kind { return question.isInput }
    return false
  }
}
