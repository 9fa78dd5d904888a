// `Unit` is declared in Experiments (a metric names its unit there) and is part of the report
// model's vocabulary: re-exported so that `import Reporting` alone can name it.
@_exported import enum Experiments.Unit
