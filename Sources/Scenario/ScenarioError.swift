import ServiceRules

/// Everything wrong with a scenario (and the files it names), each problem located by file,
/// line, column and key path: the document problems of ServiceRules, which rules files share.
/// The loader collects all problems it can find before throwing.
public typealias ScenarioError = DocumentError

/// One located problem in a scenario file, an extended file or a rules file.
public typealias ScenarioProblem = DocumentProblem
