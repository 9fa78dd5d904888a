import ServiceRules
import Testing
import TicketLog

@Suite("InventoryReader: circuits.csv to Circuit")
struct InventoryReaderTests {
    @Test func fullRowMapsEveryColumn() throws {
        let header = Fixture.inventoryHeader + ",vpn,region,start,end"
        let result = try Fixture.readInventory([header, "C1,localA,mpls-vpn,SLA-AA,1200.50,yes,Pudong,2026-03-10,2026-05-20T12:00"])
        let circuit = try #require(result.records.first)
        #expect(circuit == Circuit(id: "C1", customerGrade: .localA, product: "mpls-vpn", tier: "SLA-AA", monthlyFee: 1200.5,
                                   vpn: true, region: "Pudong", start: Fixture.wallTime(2026, 3, 10),
                                   end: Fixture.wallTime(2026, 5, 20, 12)))
    }

    @Test func emptyOptionalsAndEmptyTierAreNil() throws {
        let header = Fixture.inventoryHeader + ",vpn,region"
        let circuit = try #require(try Fixture.readInventory([header, "C1,GROUP,800,,300,,"]).records.first)
        #expect(circuit.tier == nil && circuit.vpn == nil && circuit.region == nil && circuit.customerGrade == .group)
    }

    @Test func missingColumnRefusesTheFile() {
        #expect(throws: TicketLogError.missingColumns(path: "circuits.csv", columns: ["tier", "monthly_fee"])) {
            try Fixture.readInventory(["circuit_id,customer_grade,product", "C1,group,sdh"])
        }
    }

    @Test func unknownTierIsCheckedAgainstTheCatalogueInForce() throws {
        let rows = [Fixture.inventoryHeader, "C1,group,sdh,SLA-AAA,1", "C2,group,sdh,GOLD,1"]
        let builtIn = try Fixture.readInventory(rows)
        let tiers = RuleCatalogue.builtIn.tiers.map(\.key)
        #expect(builtIn.rejections == [RowRejection(path: "circuits.csv", line: 3, reason: .unknownName(field: "tier", text: "GOLD", suggestion: nil, known: tiers))])
        let withGold = try RuleCatalogue.builtIn.applying(rulesYAML: "tiers:\n  GOLD: {basedOn: SLA-AA}\n", file: "r.yaml")
        let custom = try Fixture.readInventory(rows, catalogue: withGold)
        #expect(custom.rejections.isEmpty && custom.records.map(\.tier) == ["SLA-AAA", "GOLD"])
    }

    @Test func unknownProductIsRejectedWithItsName() throws {
        let result = try Fixture.readInventory([Fixture.inventoryHeader, "C1,group,carrier-pigeon,SLA-A,1"])
        #expect(result.rejections.map(\.reason) == [
            .unknownName(field: "product", text: "carrier-pigeon", suggestion: nil, known: RuleCatalogue.builtIn.products.map(\.key))])
        #expect(result.rejections.first?.description.hasPrefix("circuits.csv:2: unknown product 'carrier-pigeon'") == true)
    }

    @Test func rowProblems() throws {
        let rows = [Fixture.inventoryHeader + ",start,end",
                    "C1,platinum,sdh,SLA-A,1,,",
                    "C2,group,sdh,SLA-A,-5,,",
                    "C3,group,sdh,SLA-A,1e3,,",
                    "C4,group,,SLA-A,1,,",
                    "C5,group,sdh,SLA-A,1,2026-05-01,2026-05-01",
                    "C6,group,sdh,SLA-A,1,2026-02-29,",
                    "C7,group,sdh,SLA-A,1,,",
                    "C7,group,sdh,SLA-A,1,,"]
        let result = try Fixture.readInventory(rows)
        #expect(result.accepted == 1 && result.rowsRead == 8)
        #expect(result.rejections.map(\.reason) == [
            .unknownName(field: "customer_grade", text: "platinum", suggestion: nil, known: CustomerGrade.allCases.map(\.rawValue)),
            .badNumber(field: "monthly_fee", text: "-5"),
            .badNumber(field: "monthly_fee", text: "1e3"), .emptyField(field: "product"), .endNotAfterStart,
            .badTimestamp(field: "start", text: "2026-02-29", problem: .dayOutOfRange(day: 29, month: 2, year: 2026)),
            .duplicateCircuitID(id: "C7", firstLine: 8)])
        #expect(result.rejections.map(\.line) == [2, 3, 4, 5, 6, 7, 9])
    }
}
