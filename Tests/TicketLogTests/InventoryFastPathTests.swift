import ServiceRules
import Testing
@testable import TicketLog

/// The inventory's short cuts — names matched by their bytes, fees parsed without `strtod` —
/// give exactly what the general paths give.
@Suite("Inventory fast paths")
struct InventoryFastPathTests {
    static let productKeys = RuleCatalogue.builtIn.products.map(\.key)
    static let tierKeys = RuleCatalogue.builtIn.tiers.map(\.key)

    static func exactIndex(_ text: String, among names: CatalogueNames) -> Int? {
        Array(text.utf8).withUnsafeBufferPointer { names.exactIndex($0) }
    }

    @Test(arguments: [productKeys, tierKeys, CustomerGrade.allCases.map(\.rawValue), CustomerType.allCases.map(\.rawValue)])
    func everyKeyIsFoundAtItsPlace(keys: [String]) {
        let names = CatalogueNames(keys)
        for (index, key) in keys.enumerated() {
            #expect(Self.exactIndex(key, among: names) == index, "\(key)")
            #expect(names.canonicalIndex(" \(key.uppercased()) ") == index, "\(key)")
        }
    }

    /// Spellings sharing a key's length, its first eight bytes or all but its last byte.
    @Test func nearMissesAreNotExactKeys() {
        let names = CatalogueNames(Self.productKeys + Self.tierKeys)
        for miss in ["SLA-AA ", "sla-aa", "SLA-AAB", "SLA-B", "SLA-", "", "lan-accesx", "lan-dedicatex",
                     "digital-circuit-leasf", "ngn-virtual-networ", "virtual-networks", "80", "8000", "4009"] {
            #expect(Self.exactIndex(miss, among: names) == nil, "\(miss)")
        }
        #expect(Self.exactIndex("lan-access", among: names) == Self.productKeys.firstIndex(of: "lan-access"))
    }

    @Test func aKeyGivenTwiceIsFoundAtItsFirstPlace() {
        let names = CatalogueNames(["gold", "Gold", "gold"])
        #expect(Self.exactIndex("gold", among: names) == 0)
        #expect(Self.exactIndex("Gold", among: names) == 1)
        #expect(names.canonicalIndex("GOLD") == 0)
    }

    static func exactValue(_ text: String) -> Double? {
        Array(text.utf8).withUnsafeBufferPointer { PlainDecimal.exactValue($0) }
    }

    /// Fees of every length and number of decimals, the limits of the short cut and beyond:
    /// each one's value is bit for bit the value `Double(_:)` (`strtod`) reads.
    @Test func decimalsReadAsStrtodReadsThem() {
        var texts = ["0", "0.0", "00012.50", "1200", "1200.50", "0.1", "0.3", "2.675", "1.005", "9007199254740991",
                     "900719925474099.1", "0.0000000000000000000001", "1234567.123456789012345678901",
                     "9007199254740992", "9007199254740993", "12345678901234567890", "0.30000000000000004",
                     "4503599627370497.5", "1." + String(repeating: "0", count: 21) + "1"]
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 11
        }
        for _ in 0..<20_000 {
            let digits = String(next() % 1_000_000_000_000_000)
            let cut = Int(next() % UInt64(digits.count + 1))
            let whole = digits.prefix(digits.count - cut), fraction = digits.suffix(cut)
            texts.append(fraction.isEmpty ? String(digits) : "\(whole.isEmpty ? "0" : whole).\(fraction)")
        }
        var taken = 0
        for text in texts {
            guard let fast = Self.exactValue(text) else { continue }
            taken += 1
            #expect(fast.bitPattern == Double(text)!.bitPattern, "\(text)")
        }
        #expect(taken > texts.count * 19 / 20)
        #expect(Self.exactValue("9007199254740993") == nil && Self.exactValue("1." + String(repeating: "0", count: 22) + "1") == nil)
    }

    @Test func onlyPlainDecimalsTakeTheShortCut() {
        for text in ["", ".5", "5.", "1.2.3", "-5", "+5", "1e5", "1,5", " 5", "5 ", "0x10", "inf", "nan", "١٢"] {
            #expect(Self.exactValue(text) == nil, "\(text)")
        }
    }

    /// A rejected row's id is remembered with its line (tickets on it are then refused as on a
    /// rejected circuit), an accepted row's is not.
    @Test func rejectedRowsNameTheirIDs() throws {
        let result = try Fixture.readInventory([Fixture.inventoryHeader, "C1,group,sdh,SLA-A,1", "C2,group,sdh,SLA-A,x",
                                                "C1,group,sdh,SLA-A,1", "C3,group,sdh,SLA-A,1", ",group,sdh,SLA-A,1"])
        #expect(result.records.map(\.id) == ["C1", "C3"])
        #expect(result.rejectedIDs == ["C2": 3, "C1": 4])
    }

    /// Every name of the catalogue in an inventory row, as written and in other case and
    /// spacing, reads as the catalogue's key; fees read as `Double(_:)` reads them.
    @Test func everyNameReadsAsItsKey() throws {
        let grades = CustomerGrade.allCases, types = CustomerType.allCases
        var rows = [Fixture.inventoryHeader + ",customer_type"]
        var expected: [Circuit] = []
        for (index, product) in Self.productKeys.enumerated() {
            let grade = grades[index % grades.count], type = types[index % types.count]
            let tier = index % (Self.tierKeys.count + 1) == 0 ? nil : Self.tierKeys[index % (Self.tierKeys.count + 1) - 1]
            let fee = "\(index * 37).\(index % 7)"
            let spelled = index.isMultiple(of: 2)
                ? "\(grade.rawValue),\(product),\(tier ?? ""),\(fee),\(type.rawValue)"
                : " \(grade.rawValue.uppercased()) ,\(product.uppercased()), \(tier?.lowercased() ?? "") ,\(fee),\(type.rawValue.uppercased())"
            rows.append("C\(index),\(spelled)")
            expected.append(Circuit(id: "C\(index)", customerGrade: grade, product: product, tier: tier,
                                    monthlyFee: Double(fee)!, customerType: type))
        }
        let result = try Fixture.readInventory(rows)
        #expect(result.rejections.isEmpty)
        #expect(result.records == expected)
    }
}

@Suite("Circuit layout")
struct CircuitLayoutTests {
    /// The one-byte properties share a word: a million circuits are moved from the drafting
    /// threads to the records and kept there.
    @Test func aCircuitTakesThirteenWords() {
        #expect(MemoryLayout<Circuit>.stride == 104)
    }
}
