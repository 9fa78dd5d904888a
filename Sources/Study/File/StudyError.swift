import ServiceRules

/// Everything wrong with a study file (and its base scenario), each problem located by file,
/// line, column and key path: the document problems every FaultLine file format shares, so the
/// command line prints them as it prints a scenario's. The reader collects every problem it
/// can find before throwing.
public typealias StudyError = DocumentError

/// One located problem in a study file or in its base scenario.
public typealias StudyProblem = DocumentProblem
