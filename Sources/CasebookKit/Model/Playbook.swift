/// A decision tree of steps, loaded from one YAML file.
public struct Playbook: Sendable, Hashable {
  /// The playbook's identifier, such as `no-show`.
  public var id: String
  /// A short title.
  public var title: String
  /// One sentence on when to use it, if given.
  public var summary: String?
  /// The first step (the first input's question, when the playbook declares inputs).
  public var start: StepID
  /// The names of the values asked once at the start, in order.
  public var inputs: [String] = []
  /// Material for rehearsing the conversation, if the playbook has some.
  public var rehearsal: RehearsalMaterial?
  /// Practice scenarios for training.
  public var scenarios: [PracticeScenario] = []
  /// The user-facing text in other languages, by language code such as `pl`.
  public var translations: [String: PlaybookTranslation] = [:]
  /// The steps in the order written. Only this module changes them, keeping each id in its place,
  /// so that the index of steps by id stays true.
  public internal(set) var steps: [Step]
  /// The file it came from, as the user named it.
  public var file: String
  /// A hash of the file's bytes, to notice when a playbook changes under a running case.
  public var contentHash: String

  private var indexByID: [StepID: Int]

  /// Creates a playbook; steps with the same identifier keep the first.
  public init(
    id: String, title: String, summary: String? = nil, start: StepID, steps: [Step], file: String,
    contentHash: String
  ) {
    self.id = id
    self.title = title
    self.summary = summary
    self.start = start
    self.steps = steps
    self.file = file
    self.contentHash = contentHash
    var index: [StepID: Int] = [:]
    for (position, step) in steps.enumerated() where index[step.id] == nil {
      index[step.id] = position
    }
    self.indexByID = index
  }

  /// The step with this identifier, if there is one.
  public subscript(id: StepID) -> Step? {
    indexByID[id].map { steps[$0] }
  }
}
