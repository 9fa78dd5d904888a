import Study
import Testing
import TestSupport

/// Bad study files: every problem located (file:line:column: key path: message), all of them at once.
/// The fixture's text starts `study: test` (line 1) and `base: base.yaml` (line 2).
@Suite struct StudyProblemTests {
    @Test func anUnknownSelectorValueIsLocatedWithTheClosestName() throws {
        let fixture = try StudyFixture()
        #expect(fixture.problems("""
            mixes:
              m:
                scale: {select: {tier: SLA-AAAA}, by: 2}
            """) == ["study.yaml:5:28: mixes.m.scale.select.tier: unknown tier `SLA-AAAA`; did you mean `SLA-AAA`?"])
        #expect(fixture.problems("""
            mixes:
              m: {scale: {select: {region: [east, wets]}, by: 2}}
            """) == ["study.yaml:4:39: mixes.m.scale.select.region[1]: unknown region `wets`; did you mean `west`?"])
        #expect(fixture.problems("""
            mixes:
              m: {scale: {select: {prodcut: sdh}, by: 2}}
            """) == ["study.yaml:4:24: mixes.m.scale.select.prodcut: unknown key `prodcut`; did you mean `product`?"])
    }

    @Test func aMoveToAnUnknownTierIsLocated() throws {
        let fixture = try StudyFixture()
        #expect(fixture.problems("""
            mixes:
              m: {move: [{select: {tier: SLA-A}, to: {tier: SLA-AAAA}, share: 1}]}
            """) == ["study.yaml:4:49: mixes.m.move[0].to.tier: unknown tier `SLA-AAAA`; did you mean `SLA-AAA`?"])
    }

    @Test func aScaleOfZeroOrLessAndAShareOutsideItsRangeAreRefused() throws {
        let fixture = try StudyFixture()
        #expect(fixture.problems("""
            mixes:
              zero: {scale: {select: {}, by: 0}}
              negative: {scale: {select: {}, by: -1.5}}
              share: {move: {select: {tier: SLA-A}, to: {tier: SLA-AA}, share: 1.5}}
            """) == [
                "study.yaml:4:34: mixes.zero.scale.by: must be greater than 0 and at most 1000, found 0",
                "study.yaml:5:38: mixes.negative.scale.by: must be greater than 0 and at most 1000, found -1.5",
                "study.yaml:6:68: mixes.share.move.share: must be greater than 0 and at most 1, found 1.5",
            ])
    }

    @Test func aSelectionThatMatchesNoRowIsLocatedAtTheSelection() throws {
        let fixture = try StudyFixture()
        #expect(fixture.problems("""
            mixes:
              m: {scale: {select: {tier: MQ-I}, by: 2}}
            """) == ["study.yaml:4:23: mixes.m.scale.select: the selection (MQ-I) matches no inventory row"])
        #expect(fixture.problems("""
            mixes:
              m: {faults: {select: {product: lan-access}, by: 2}}
            """) == ["study.yaml:4:24: mixes.m.faults.select: no circuit of product `lan-access` is in the inventory, "
                     + "so it has no fault rates"])
    }

    @Test func aMixWithNoCircuitLeftIsLocatedAtItsName() throws {
        let fixture = try StudyFixture()
        #expect(fixture.problems("""
            mixes:
              empty: {scale: {select: {}, by: 0.01}}
            """) == ["study.yaml:4:3: mixes.empty: mix `empty` leaves no circuit in the inventory"])
    }

    @Test func aGridOfMoreMixesThanAllowedIsOneProblemAtTheGrid() throws {
        let fixture = try StudyFixture()
        let problems = fixture.problems("""
            mixes:
              today: {}
            grid:
              a: {scale: {select: {}}, values: [1, 2, 3]}
              b: {installs: {}, values: [1, 2, 3, 4]}
            """, maxMixes: 12)
        #expect(problems == ["study.yaml:6:3: grid: the grid has 12 points and 1 named mix: more than the 12 mixes allowed; "
                             + "use fewer values, or raise the limit with --max-mixes"])
        #expect(try fixture.parse("grid:\n  a: {scale: {select: {}}, values: [1, 2, 3]}\n", maxMixes: 3).mixes.count == 3)
    }

    @Test func theDefaultLimitRefusesAGridOfMoreThanTwoHundredPoints() throws {
        let fixture = try StudyFixture()
        let values = (1...15).map { String($0) }.joined(separator: ", ")
        let problems = fixture.problems("grid:\n  a: {scale: {select: {}}, values: [\(values)]}\n  b: {faults: {}, values: [\(values)]}\n")
        #expect(problems == ["study.yaml:4:3: grid: the grid has 225 points: more than the 200 mixes allowed; "
                             + "use fewer values, or raise the limit with --max-mixes"])
    }

    @Test func aBaseThatDoesNotValidateGivesItsOwnProblemsAndTheStudysBaseKey() throws {
        let fixture = try StudyFixture(base: StudyFixture.base.replacingOccurrences(of: "horizon: 30d", with: "horizon: 30"))
        #expect(fixture.problems("mixes:\n  today: {}\n") == [
            "study.yaml:2:7: base: the base scenario `base.yaml` cannot be loaded: see the 1 problem below",
            "\(fixture.folder.path)/base.yaml:3:10: horizon: a duration needs a unit (s, m, h, d or w), e.g. `30d` or `30m`; found `30`",
        ])
        let elsewhere = try StudyFixture()
        let missing = "\(elsewhere.folder.path)/nowhere.yaml"
        let error = #expect(throws: StudyError.self) {
            try StudyDefinition.parse(yaml: "study: s\nbase: nowhere.yaml\nmixes: {a: {}}\n", file: "s.yaml",
                                      baseDirectory: elsewhere.folder.path)
        }
        #expect(error?.problems.map(\.description) == [
            "s.yaml:2:7: base: the base scenario `nowhere.yaml` cannot be loaded: see the 1 problem below",
            "\(missing): cannot read file `\(missing)`",
        ])
    }

    @Test func aBadTargetCarriesTheParsersReason() throws {
        let fixture = try StudyFixture()
        #expect(fixture.problems("""
            targets: ["SLA-AA.restoration >= 0.9", "SLA-AAAA.restoration >= 0.95", "credits >= lots"]
            mixes: {today: {}}
            """) == [
                "study.yaml:3:40: targets[1]: not a target: unknown tier «SLA-AAAA»; did you mean «SLA-AAA»?",
                "study.yaml:3:72: targets[2]: not a target: expected a number after >=, found «lots»",
            ])
    }

    @Test func namesSettingsAndKeysAreChecked() throws {
        let fixture = try StudyFixture()
        #expect(fixture.problems("""
            mixs: {today: {}}
            confidence: 1.5
            replications: 0
            """) == [
                "study.yaml:1:1: mixes: give the mixes to study under `mixes:`, a `grid:`, or both",
                "study.yaml:3:1: mixs: unknown key `mixs`; did you mean `mixes`?",
                "study.yaml:4:13: confidence: must be between 0.5 and 1 (exclusive), found 1.5",
                "study.yaml:5:15: replications: must be at least 1, found 0",
            ])
        #expect(fixture.problems("mixes: {}\n") == ["study.yaml:3:8: mixes: no mix is named; give at least one, e.g. `today: {}`"])
        #expect(fixture.problems("mixes: {base: {}}\n")
                == ["study.yaml:3:9: mixes.base: a mix cannot be called `base`: the study reports the base scenario under that name"])
        #expect(fixture.problems("""
            mixes: {"a=1": {}}
            grid: {a: {installs: {}, values: [1, 2, 1]}}
            """) == ["study.yaml:4:41: grid.a.values[2]: the value 1 is already on this axis"])
        #expect(fixture.problems("""
            mixes: {"a=1": {}}
            grid: {a: {installs: {}, values: [1, 2]}}
            """) == ["study.yaml:4:7: grid: the grid point `a=1` has the name of a mix under `mixes:`; rename that mix"])
    }

    @Test func everyProblemIsReportedAtOnce() throws {
        let fixture = try StudyFixture()
        let problems = fixture.problems("""
            mixes:
              one: {scale: {select: {tier: SLA-AAAA}, by: 2}}
              two: {scale: {select: {}, by: 0}}
            grid:
              g: {scale: {select: {}}, move: {select: {}, to: {tier: SLA-A}}, values: [1]}
            """)
        #expect(problems == [
            "study.yaml:4:32: mixes.one.scale.select.tier: unknown tier `SLA-AAAA`; did you mean `SLA-AAA`?",
            "study.yaml:5:33: mixes.two.scale.by: must be greater than 0 and at most 1000, found 0",
            "study.yaml:7:6: grid.g: an axis varies exactly one transformation (set, move, scale, faults or installs); "
                + "found `scale` and `move`",
        ])
    }

    @Test func aFileThatIsNotAStudyIsRefusedInOneLine() throws {
        let list = #expect(throws: StudyError.self) { try StudyDefinition.parse(yaml: "- a\n- b\n", file: "list.yaml") }
        #expect(list?.problems.map(\.description) == ["list.yaml:1:1: not a study file: expected a mapping of study keys "
                                                       + "(study, base, mixes, …), found a list"])
        let fixture = try StudyFixture()
        let path = fixture.folder.file("missing.yaml")
        let missing = #expect(throws: StudyError.self) { try StudyDefinition.load(path: path) }
        #expect(missing?.problems.map(\.description) == ["\(path): cannot read the study file"])
    }
}

/// Less common mistakes: still one located line each.
@Suite struct StudyEdgeProblemTests {
    @Test func aScenarioGivenAsAStudyIsSaidSoOnce() throws {
        let fixture = try StudyFixture()
        let error = #expect(throws: StudyError.self) {
            try StudyDefinition.parse(yaml: StudyFixture.base, file: "tiny.yaml", baseDirectory: fixture.folder.path)
        }
        #expect(error?.problems.map(\.description) == ["tiny.yaml:1:1: not a study file: expected a mapping of study keys "
                                                       + "(study, base, mixes, …), found a scenario (a study names its scenario with `base:`)"])
    }

    @Test func emptyNamesAndEmptySelectorValuesAreRefused() throws {
        let fixture = try StudyFixture()
        #expect(fixture.problems("mixes: {\"\": {}}\n") == ["study.yaml:3:9: mixes.: a mix needs a name"])
        #expect(fixture.problems("mixes:\n  m: {scale: {select: {tier: }, by: 2}}\n")
                == ["study.yaml:4:24: mixes.m.scale.select.tier: expected a value or a list of values, found an empty value"])
        let unnamed = #expect(throws: StudyError.self) {
            try StudyDefinition.parse(yaml: "study: \"\"\nbase: base.yaml\nmixes: {a: {}}\n", file: "s.yaml",
                                      baseDirectory: fixture.folder.path)
        }
        #expect(unnamed?.problems.map(\.description) == ["s.yaml:1:8: study: the study needs a name"])
    }

    @Test func tooManyNamedMixesAreOneProblemAtMixes() throws {
        let fixture = try StudyFixture()
        #expect(fixture.problems("mixes: {a: {}, b: {}, c: {}}\n", maxMixes: 2)
                == ["study.yaml:3:8: mixes: 3 mixes are named, more than the 2 allowed; raise the limit with --max-mixes"])
    }

    @Test func aMixNamedTwiceIsAYAMLProblem() throws {
        let fixture = try StudyFixture()
        let problems = fixture.problems("mixes:\n  a: {}\n  a: {scale: {select: {}, by: 2}}\n")
        #expect(problems.count == 1 && problems[0].contains("duplicate keys: a"))
    }

    @Test func setAndMoveRefuseWhatTheyCannotDo() throws {
        let fixture = try StudyFixture()
        #expect(fixture.problems("mixes:\n  m: {set: {select: {}, share: 0.5}}\n")
                == ["study.yaml:4:21: mixes.m.set.select: the selection (all) holds every circuit already; only a share of 1 is possible"])
        #expect(fixture.problems("mixes:\n  m: {faults: {select: {tier: SLA-A}, by: 2}}\n")
                == ["study.yaml:4:25: mixes.m.faults.select.tier: unknown key `tier`; expected one of: product"])
    }

    @Test func moveAddsToARowOfTheSameIdAndAShareOfOneEmptiesTheSource() throws {
        let fixture = try StudyFixture()
        let mix = try fixture.mix("""
            {move: [{select: {region: east, tier: SLA-A}, to: {tier: SLA-AA}, share: 0.5},
                      {select: {tier: SLA-A}, to: {tier: SLA-AA}, share: 1}]}
            """)
        // 5 move, then all 5 left: one row east-vpn-a@SLA-AA of 10, east-vpn-a gone.
        #expect(mix.scenario.rows["east-vpn-a@SLA-AA"] == 10 && mix.scenario.rows["east-vpn-a"] == nil)
        #expect(mix.changes == ["east SLA-A → SLA-AA: 5 of 10 circuits moved", "SLA-A → SLA-AA: 5 of 5 circuits moved"])
    }

    @Test func badGridValuesAreEachLocated() throws {
        let fixture = try StudyFixture()
        #expect(fixture.problems("""
            grid:
              a: {set: {select: {tier: SLA-A}}, values: [0.5, 2, x]}
              b: {installs: {}, values: []}
            """) == [
                "study.yaml:4:51: grid.a.values[1]: must be greater than 0 and at most 1, found 2",
                "study.yaml:4:54: grid.a.values[2]: expected a number, found `x`",
                "study.yaml:5:29: grid.b.values: expected a list of at least one factor, found a list",
            ])
    }
}

/// Moves that cannot move anything, and axis names that would make point names ambiguous.
@Suite struct StudyMoveAndAxisProblemTests {
    @Test func aMoveWhoseRowsAreAllInTheTargetTierIsAProblem() throws {
        let fixture = try StudyFixture()
        #expect(fixture.problems("mixes:\n  m: {move: {select: {tier: SLA-AA}, to: {tier: SLA-AA}, share: 1}}\n")
                == ["study.yaml:4:22: mixes.m.move.select: every row the selection (SLA-AA) matches is in SLA-AA already"])
        // Rows already in the target tier are left out of the count.
        let mix = try fixture.mix("{move: {select: {product: mpls-vpn}, to: {tier: SLA-AA}, share: 1}}")
        #expect(mix.changes == ["mpls-vpn → SLA-AA: 10 of 10 circuits moved"])
    }

    @Test func anAxisNameWithAnEqualsSignOrCommaIsRefused() throws {
        let fixture = try StudyFixture()
        #expect(fixture.problems("grid: {\"a=b\": {installs: {}, values: [1]}}\n")
                == ["study.yaml:3:8: grid.a=b: an axis needs a name without `=` or `,` (they separate the grid points' names)"])
    }

    @Test func aMoveTargetCollectsEachBadKey() throws {
        let fixture = try StudyFixture()
        #expect(fixture.problems("mixes:\n  m: {move: {select: {}, to: {tier: SLA-AA, networkGrade: AA, monthlyFee: -1}, share: 1}}\n") == [
            "study.yaml:4:59: mixes.m.move.to.networkGrade: unknown network grade `AA`; did you mean `A`?",
            "study.yaml:4:75: mixes.m.move.to.monthlyFee: must be at least 0 and at most 1000000000000, found -1",
        ])
    }
}
