import ArgumentParser
import Foundation

/// `faultline cluster kubernetes`: an Indexed Job of shards, a merge Job and a Containerfile.
struct KubernetesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kubernetes",
        abstract: "Write a Kubernetes Indexed Job of shards, a merge Job and a Containerfile for the image.",
        discussion: """
            Writes <dir>/job.yaml, an Indexed Job (completionMode: Indexed, completions N) \
            whose pod K runs `faultline <command> <arguments> --shard K/N` (K from \
            JOB_COMPLETION_INDEX) with its shard file on a PersistentVolumeClaim mounted at \
            --mount, <dir>/merge-job.yaml, the Job running `faultline merge` with the report \
            options (--json, --csv, --html, --omit-timing) taken from the arguments, and \
            <dir>/Containerfile, which builds the image (a static-stdlib faultline and GSL). \
            Pods run in --mount, so the arguments' relative paths (scenario files, reports) \
            are on the volume. Kubernetes has no job dependencies: apply the merge once the \
            shards' Job is complete.

            Examples:
              faultline cluster kubernetes run scenarios/baseline.yaml --replications 64 --json run.json \\
                --shards 16 --parallelism 8 --claim faultline-data --image registry.example/faultline:0.9.0 --dir k8s
              kubectl apply -f k8s/job.yaml && kubectl wait --for=condition=complete --timeout=2h job/faultline-run
              kubectl apply -f k8s/merge-job.yaml
            """
    )

    @Argument(help: ArgumentHelp("The command to shard: run, compare, price or study.", valueName: "command"))
    var command: ShardableCommand

    @Option(parsing: .unconditional, help: ArgumentHelp("Shards (completions of the Indexed Job).", valueName: "count"),
            transform: wholeNumber("--shards", atLeast: 1))
    var shards: Int

    @Option(parsing: .unconditional,
            help: ArgumentHelp("Pods running at once (default: every shard).", valueName: "count"),
            transform: wholeNumber("--parallelism", atLeast: 1))
    var parallelism: Int?

    @Option(help: ArgumentHelp("Folder the manifests and the Containerfile are written into.", valueName: "folder"))
    var dir: String

    @Option(help: ArgumentHelp("The container image.", valueName: "image"))
    var image = "faultline:\(FaultLine.version)"

    @Option(help: ArgumentHelp("The PersistentVolumeClaim every pod mounts (ReadWriteMany).", valueName: "claim"))
    var claim = "faultline-data"

    @Option(help: ArgumentHelp("Where the volume is mounted; pods run there.", valueName: "path"))
    var mount = "/data"

    @Option(help: ArgumentHelp("The Jobs' name (DNS label; default faultline-<command>); shards go to <mount>/<name>/shards.",
                               valueName: "name"))
    var name: String?

    @Argument(parsing: .allUnrecognized,
              help: ArgumentHelp("The command's own arguments (its scenario, --replications, --json …).",
                                 valueName: "arguments"))
    var arguments: [String] = []

    func validate() throws {
        if let name, !KubernetesManifests.isDNSLabel(name, maxLength: 52) {
            throw ValidationError("--name must be a DNS label (lowercase letters, digits and '-', at most 52), got \(name)")
        }
        if !mount.hasPrefix("/") { throw ValidationError("--mount must be an absolute path, got \(mount)") }
    }

    func run() throws {
        let jobName = name ?? "faultline-\(command.rawValue)"
        let shardFolder = (mount as NSString).appendingPathComponent("\(jobName)/shards")
        let invocation = try ShardedInvocation(command: command, arguments: arguments, shards: shards, folder: ".",
                                               binary: "faultline", shardFolder: shardFolder, workingFolder: mount)
        let manifests = KubernetesManifests(invocation: invocation, name: jobName, parallelism: min(parallelism ?? shards, shards),
                                            image: image, claim: claim)
        let folder = dir
        var files = ReportFiles()
        files.addFolder(folder, option: "--dir")
        for (file, text) in [("job.yaml", manifests.shardJob), ("merge-job.yaml", manifests.mergeJob),
                             ("Containerfile", KubernetesManifests.containerfile)] {
            files.add(Array(text.utf8), to: (folder as NSString).appendingPathComponent(file), option: "--dir")
        }
        try files.write()
        print("wrote \(folder)/job.yaml (\(shards) indexed completions, \(manifests.parallelism) at once), "
              + "\(folder)/merge-job.yaml and \(folder)/Containerfile")
    }
}
