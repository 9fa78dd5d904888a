/// The manifests of a sharded command on Kubernetes: an Indexed Job whose pod K computes shard
/// K (from `JOB_COMPLETION_INDEX`), and a Job running the merge; both mount one volume claim.
struct KubernetesManifests {
    let invocation: ShardedInvocation
    /// The shards' Job name; the merge's is `<name>-merge`.
    let name: String
    let parallelism: Int
    let image: String
    let claim: String

    /// The Indexed Job of shards.
    var shardJob: String {
        job(name: name, indexed: true, command: invocation.shardCommand(index: "$JOB_COMPLETION_INDEX"))
    }

    /// The merge Job (apply after the shards' Job completes).
    var mergeJob: String {
        job(name: name + "-merge", indexed: false, command: invocation.mergeCommand)
    }

    /// Builds the image: faultline with the Swift runtime linked in, GSL from Debian.
    static let containerfile = """
        # The faultline image for `faultline cluster kubernetes`: build from the repository's root with
        #   podman build -f <dir>/Containerfile -t faultline:\(FaultLine.version) .
        # The Swift image is pinned to the toolchain FaultLine is built and tested with.
        FROM docker.io/library/swift:6.3.1-bookworm AS build
        RUN apt-get update && apt-get install -y --no-install-recommends libgsl-dev pkg-config \\
            && rm -rf /var/lib/apt/lists/*
        WORKDIR /src
        COPY . .
        RUN swift build -c release --static-swift-stdlib --product faultline

        FROM docker.io/library/debian:bookworm-slim
        RUN apt-get update && apt-get install -y --no-install-recommends libgsl27 \\
            && rm -rf /var/lib/apt/lists/*
        COPY --from=build /src/.build/release/faultline /usr/local/bin/faultline
        COPY --from=build /src/.build/release/FaultLine_Scenario.resources /usr/local/bin/FaultLine_Scenario.resources
        ENTRYPOINT ["/usr/local/bin/faultline"]

        """

    private func job(name: String, indexed: Bool, command: String) -> String {
        var spec = indexed
            ? ["  completionMode: Indexed", "  completions: \(invocation.shards)", "  parallelism: \(parallelism)"]
            : ["  completions: 1", "  parallelism: 1"]
        spec.append("  backoffLimit: \(indexed ? invocation.shards : 1)")
        return ([
            "apiVersion: batch/v1",
            "kind: Job",
            "metadata:",
            "  name: \(name)",
            "  labels:",
            "    app.kubernetes.io/name: faultline",
            "    app.kubernetes.io/instance: \(self.name)",
            "spec:",
        ] + spec + [
            "  template:",
            "    metadata:",
            "      labels:",
            "        app.kubernetes.io/name: faultline",
            "        app.kubernetes.io/instance: \(self.name)",
            "    spec:",
            "      restartPolicy: Never",
            "      containers:",
            "        - name: \(indexed ? "shard" : "merge")",
            "          image: \(yamlQuoted(image))",
            "          workingDir: \(yamlQuoted(invocation.workingFolder))",
            "          command: [\"/bin/sh\", \"-c\"]",
            "          args:",
            "            - \(yamlQuoted("exec " + command))",
            "          volumeMounts:",
            "            - name: data",
            "              mountPath: \(yamlQuoted(invocation.workingFolder))",
            "      volumes:",
            "        - name: data",
            "          persistentVolumeClaim:",
            "            claimName: \(yamlQuoted(claim))",
        ]).joined(separator: "\n") + "\n"
    }

    /// `text` as a YAML double-quoted scalar.
    private func yamlQuoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// Whether `text` is a DNS label Kubernetes accepts as a Job name.
    static func isDNSLabel(_ text: String, maxLength: Int) -> Bool {
        guard !text.isEmpty, text.count <= maxLength, text.first != "-", text.last != "-" else { return false }
        return text.allSatisfy { ($0.isASCII && $0.isLowercase) || $0.isNumber || $0 == "-" }
    }
}
