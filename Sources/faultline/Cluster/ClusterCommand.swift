import ArgumentParser

/// `faultline cluster`: the scripts or manifests that run a command in shards on a batch
/// scheduler, and its merge (docs/scale-out.md).
struct ClusterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cluster",
        abstract: "Run run, compare, price or study in shards on Slurm or Kubernetes, then merge.",
        subcommands: [SlurmCommand.self, KubernetesCommand.self]
    )
}
