// The seed district's peers: the other districts and counties of its city, then districts of two
// other cities of the province, in the order `kechuang demo --districts N` gives the first N of
// them records of their own. Every peer has region statistics; those marked `seed_statistics`
// were written by the region-statistics generator before peers had records, and keep being
// written there (in this order, with the same draws) so the seed district's records stay exactly
// as they were.
#pragma once

#include <array>
#include <string_view>

namespace kc::app::demo {

// What sets a district's enterprises apart: how industrial they are, how many work in high-tech
// fields, and how strongly they patent, certify and trade technology (1 = the seed's level).
struct PeerProfile {
  double industrial;    // share of enterprises in manufacturing (industry section C)
  double tech;          // share in a high-tech field
  double patenting;     // patent applications per 万元 of R&D, relative to the seed
  double centres;       // share of above-size industrial R&D performers with a centre
  double hte;           // share of high-tech R&D performers that hold an HTE certificate
  double market;        // technology-market turnover per 万元 of R&D, relative to the seed
  std::array<int, 4> specialities;  // indices into the industries of peer_districts.cpp
};

struct PeerDistrict {
  std::string_view code;
  std::string_view name;
  std::string_view city;   // 宁波, 杭州, 温州
  std::string_view phone;  // area code
  double gdp2013;          // 万元
  double rd_ratio;         // official R&D / GDP in 2013
  int enterprises;
  bool seed_statistics;
  PeerProfile profile;
};

// Specialities: 0 chemicals, 1 plastics, 2 metal products, 3 machinery, 4 bearings, 5 metallurgy
// equipment, 6 medical devices, 7 electric motors, 8 lighting, 9 electrical equipment,
// 10 communication equipment, 11 electronics, 12 instruments, 13 pharmaceuticals, 14 textiles,
// 15 garments, 16 printing, 17 cables, 18 software, 19 information technology, 20 engineering
// services, 21 testing, 22 S&T services, 23 trade, 24 S&T consulting.
inline constexpr std::array<PeerDistrict, 19> kPeerDistricts = {{
    {"330203", "海曙区", "宁波", "0574", 7'900'000, 0.016, 520, true, {0.25, 0.30, 0.8, 0.15, 0.35, 1.4, {23, 18, 15, 16}}},
    {"330204", "江东区", "宁波", "0574", 6'100'000, 0.014, 430, true, {0.20, 0.30, 0.7, 0.12, 0.30, 1.2, {23, 22, 19, 24}}},
    {"330206", "北仑区", "宁波", "0574", 11'500'000, 0.026, 1'450, true, {0.80, 0.35, 1.1, 0.25, 0.40, 0.8, {0, 3, 5, 2}}},
    {"330211", "镇海区", "宁波", "0574", 8'200'000, 0.029, 880, true, {0.75, 0.40, 1.0, 0.28, 0.45, 0.9, {0, 12, 3, 9}}},
    {"330212", "鄞州区", "宁波", "0574", 13'800'000, 0.024, 1'500, true, {0.65, 0.40, 1.3, 0.22, 0.40, 1.1, {15, 7, 11, 9}}},
    {"330225", "象山县", "宁波", "0574", 3'300'000, 0.015, 300, false, {0.60, 0.20, 0.6, 0.12, 0.25, 0.5, {14, 15, 3, 2}}},
    {"330226", "宁海县", "宁波", "0574", 3'600'000, 0.018, 340, false, {0.70, 0.25, 0.9, 0.15, 0.30, 0.5, {16, 1, 3, 8}}},
    {"330281", "余姚市", "宁波", "0574", 7'800'000, 0.022, 1'150, false, {0.75, 0.35, 1.2, 0.20, 0.40, 0.7, {1, 9, 8, 12}}},
    {"330282", "慈溪市", "宁波", "0574", 9'600'000, 0.021, 1'400, false, {0.80, 0.30, 1.4, 0.18, 0.35, 0.6, {9, 7, 4, 2}}},
    {"330283", "奉化市", "宁波", "0574", 3'500'000, 0.017, 380, false, {0.65, 0.25, 0.8, 0.15, 0.30, 0.5, {15, 3, 2, 17}}},
    {"330102", "上城区", "杭州", "0571", 8'400'000, 0.012, 360, true, {0.15, 0.35, 0.6, 0.10, 0.35, 1.5, {23, 24, 18, 22}}},
    {"330103", "下城区", "杭州", "0571", 7'600'000, 0.013, 380, true, {0.20, 0.35, 0.7, 0.10, 0.35, 1.4, {23, 19, 21, 24}}},
    {"330104", "江干区", "杭州", "0571", 6'300'000, 0.015, 420, true, {0.30, 0.35, 0.8, 0.12, 0.35, 1.2, {23, 20, 19, 11}}},
    {"330105", "拱墅区", "杭州", "0571", 3'600'000, 0.018, 300, true, {0.35, 0.35, 0.9, 0.15, 0.35, 1.0, {16, 12, 18, 21}}},
    {"330106", "西湖区", "杭州", "0571", 7'300'000, 0.034, 900, true, {0.20, 0.60, 1.3, 0.20, 0.55, 2.0, {18, 19, 21, 13}}},
    {"330108", "滨江区", "杭州", "0571", 6'400'000, 0.061, 1'000, true, {0.30, 0.75, 1.6, 0.30, 0.65, 2.2, {18, 10, 11, 19}}},
    {"330109", "萧山区", "杭州", "0571", 17'300'000, 0.025, 1'500, true, {0.75, 0.30, 1.0, 0.20, 0.35, 0.7, {14, 3, 17, 2}}},
    {"330110", "余杭区", "杭州", "0571", 9'800'000, 0.028, 1'200, true, {0.55, 0.45, 1.2, 0.22, 0.45, 1.3, {13, 6, 18, 14}}},
    {"330302", "鹿城区", "温州", "0577", 6'700'000, 0.011, 500, true, {0.50, 0.20, 0.7, 0.12, 0.25, 0.8, {15, 9, 4, 23}}},
}};

}  // namespace kc::app::demo
