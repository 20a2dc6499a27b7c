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

  /// The path one case took: the steps in the order reached, each with the answer given there.
  public struct Walk: Sendable {
    /// The steps reached, in order, with the answer given at each (`nil` for a step not answered).
    public var steps: [(id: StepID, answer: String?)]
    /// What the diagram calls it, such as the case's name.
    public var name: String

    /// Creates a walk.
    public init(name: String, steps: [(id: StepID, answer: String?)]) {
      self.name = name
      self.steps = steps
    }

    /// Whether the edge `from -> to` labelled `label` is one the walk took.
    func took(from: StepID, to: StepID, label: String?, among labels: [String?]) -> Bool {
      for (index, step) in steps.enumerated().dropLast() where step.id == from && steps[index + 1].id == to {
        // Of several edges between the same two steps, the one named by the answer given.
        if labels.count < 2 || label.map({ $0.hasPrefix(step.answer ?? "\u{0}") }) == true { return true }
      }
      return false
    }
  }

  /// The playbook as a diagram; with a walk, the steps it reached and the edges it took are drawn
  /// bold and coloured, and the step where it stopped is marked.
  public static func render(_ playbook: Playbook, as format: Format, walk: Walk? = nil) -> String {
    switch format {
    case .mermaid: mermaid(playbook, walk: walk)
    case .dot: dot(playbook, walk: walk)
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

  private static func mermaid(_ playbook: Playbook, walk: Walk?) -> String {
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
    if let walk, !walk.steps.isEmpty {
      lines.append("  classDef visited stroke:#1a73e8,stroke-width:3px")
      lines.append("  class \(Set(walk.steps.map(\.id)).map(node).sorted().joined(separator: ",")) visited")
    }
    lines.append("  start((start)) --> \(node(playbook.start))")
    return lines.joined(separator: "\n") + "\n"
  }

  private static func dot(_ playbook: Playbook, walk: Walk?) -> String {
    func quote(_ text: String) -> String { "\"" + text.replacingAll(["\\": "\\\\", "\"": "\\\""]) + "\"" }
    var lines = ["digraph \(quote(playbook.id)) {", "  rankdir=TB;", "  node [fontname=\"Helvetica\"];"]
    let visited = Set(walk?.steps.map(\.id) ?? [])
    if let walk { lines.append("  label=\(quote("the path of case " + TextSanitizer.clean(walk.name))); labelloc=t;") }
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
      if visited.contains(step.id) {
        extra += step.id == walk?.steps.last?.id ? ", penwidth=4, color=\"#1a73e8\", xlabel=\"stopped here\"" : ", penwidth=3, color=\"#1a73e8\""
      }
      lines.append("  \(quote(step.id.rawValue)) [shape=\(shape), label=\(quote(label(of: step)))\(extra)];")
    }
    lines.append("  \"__start\" -> \(quote(playbook.start.rawValue));")
    for step in playbook.steps {
      let all = edges(of: step)
      for edge in all {
        var attributes = edge.label.map { ["label=\(quote(shortened($0)))"] } ?? []
        let labels = all.filter { $0.to == edge.to }.map(\.label)
        if walk?.took(from: step.id, to: edge.to, label: edge.label, among: labels) == true {
          attributes += ["color=\"#1a73e8\"", "penwidth=3"]
        }
        let suffix = attributes.isEmpty ? "" : " [\(attributes.joined(separator: ", "))]"
        lines.append("  \(quote(step.id.rawValue)) -> \(quote(edge.to.rawValue))\(suffix);")
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
