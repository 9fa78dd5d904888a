import Experiments
import Foundation
import Scenario

/// `staff --write-scenario FILE`: the recommended rosters as a scenario that extends the input
/// file, named relative to the written file's folder when they share it, else by absolute path.
enum StaffScenarioFile {
    /// The file's text.
    static func yaml(_ plan: StaffingPlan, scenario: Scenario, scenarioFile: String, writingTo output: String) -> String {
        let absolute = { (path: String) in URL(fileURLWithPath: path).standardizedFileURL.path }
        let input = absolute(scenarioFile)
        let sameFolder = (input as NSString).deletingLastPathComponent == (absolute(output) as NSString).deletingLastPathComponent
        let base = sameFolder ? (input as NSString).lastPathComponent : input
        return plan.overrideYAML(extending: base, name: scenario.name + "-staffed", scenario: scenario)
    }
}
