#include "app/demo/demo_support.hpp"

#include <array>
#include <cmath>
#include <stdexcept>

#include "app/demo/demo_district.hpp"
#include "domain/registry_kinds.hpp"

namespace kc::app::demo {

double Random::log_uniform(double lo, double hi) {
  return std::exp(uniform(std::log(lo), std::log(hi)));
}

domain::Date Random::day_in(int year, int from_day, int to_day) {
  return ymd(year, 1, 1).add_days(static_cast<std::int32_t>(between(from_day, to_day) - 1));
}

std::uint64_t stream_seed(std::uint64_t seed, std::uint64_t stream) {
  // splitmix64 finaliser over the pair.
  std::uint64_t z = seed * 0x9E3779B97F4A7C15ULL + (stream + 1) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

std::vector<std::int64_t> split_exact(Random& random, std::int64_t total, int parts, double spread,
                                      std::int64_t quantum) {
  if (parts <= 0 || quantum <= 0 || total % quantum != 0 || total / quantum < parts) {
    throw std::logic_error("split_exact: cannot split " + std::to_string(total) + " into " +
                           std::to_string(parts) + " parts");
  }
  const std::int64_t quanta = total / quantum;
  std::vector<std::int64_t> weights(static_cast<std::size_t>(parts));
  std::int64_t sum = 0;
  for (auto& w : weights) {
    w = 1'000 + static_cast<std::int64_t>(std::llround(1'000 * spread * random.unit()));
    sum += w;
  }
  // One quantum each, the rest in proportion to the weights; what flooring leaves goes one
  // quantum at a time to the first parts.
  const std::int64_t rest = quanta - parts;
  std::vector<std::int64_t> out(weights.size());
  std::int64_t given = 0;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    out[i] = 1 + static_cast<std::int64_t>(static_cast<long double>(rest) * weights[i] / sum);
    given += out[i];
  }
  for (std::size_t i = 0; given < quanta; i = (i + 1) % out.size(), ++given) ++out[i];
  for (std::size_t i = 0; given > quanta; i = (i + 1) % out.size()) {
    if (out[i] > 1) --out[i], --given;
  }
  for (auto& v : out) v *= quantum;
  return out;
}

domain::Date ymd(int year, int month, int day) {
  auto d = domain::Date::from_ymd(year, month, day);
  if (!d) throw std::logic_error("bad demo date");
  return *d;
}

Writer::Writer(store::Connection& conn, std::string_view kind)
    : kind_([&]() -> const domain::KindDef& {
        const auto* k = domain::find_kind(kind);
        if (!k) throw std::logic_error("demo: unknown kind " + std::string(kind));
        return *k;
      }()),
      store_(conn, kind_),
      district_(kDemoDistrictCode) {
  // Kinds placed in a district by a field of their own get the writer's district when the
  // generator leaves it empty (region statistics name theirs; the others are the district's).
  const std::size_t i = kind_.index_of(kind_.region_scope);
  if (i < kind_.fields.size() && kind_.fields[i].type == domain::FieldType::region_code) district_column_ = i;
}

std::size_t Writer::column(std::string_view field) const {
  if (const std::size_t i = kind_.index_of(field); i < kind_.fields.size()) return i;
  throw std::logic_error("demo: kind " + kind_.name + " has no field " + std::string(field));
}

store::Record Writer::blank() const {
  store::Record r;
  r.cells.assign(kind_.fields.size(), domain::Cell{});
  return r;
}

std::int64_t Writer::insert(const store::Record& record) {
  ++written_;
  if (district_column_ && std::holds_alternative<std::monostate>(record.cells[*district_column_])) {
    store::Record placed = record;
    placed.cells[*district_column_] = district_;
    return store_.insert(placed);
  }
  return store_.insert(record);
}

namespace {

constexpr std::array<std::string_view, 48> kFirmPrefixes = {
    "华盛", "恒达", "金鼎", "远航", "东方", "宏远", "瑞丰", "海天", "中鼎", "永信", "天成", "博创",
    "新程", "凯越", "精诚", "聚能", "盛世", "卓越", "长丰", "众诚", "锦华", "立新", "宇航", "泰隆",
    "万力", "鸿图", "甬江", "慈湖", "北斗", "银河", "华科", "蓝海", "智造", "朗润", "明峰", "康达",
    "安宏", "正泰", "光华", "鑫源", "德隆", "嘉信", "永安", "诚远", "和平", "兴业", "思源", "宏图"};
constexpr std::array<std::string_view, 40> kSurnames = {
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱",
    "胡", "郭", "何", "林", "罗", "高", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯",
    "邓", "曹", "彭", "曾", "萧", "田", "董", "潘", "袁", "蔡", "蒋", "余"};
constexpr std::array<std::string_view, 48> kGivenNames = {
    "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛", "明", "超",
    "秀", "霞", "平", "刚", "桂", "华", "建", "国", "志", "文", "斌", "辉", "鹏", "宇", "晨", "昊",
    "浩", "思", "佳", "欣", "海", "峰", "晓", "东", "丹", "亮", "宁", "蕾", "琳", "凯", "波", "扬"};
constexpr std::array<std::string_view, 8> kTowns = {"中马街道", "白沙街道", "孔浦街道", "文教街道",
                                                    "甬江街道", "庄桥街道", "洪塘街道", "慈城镇"};
constexpr std::array<std::string_view, 12> kRoads = {
    "大闸路", "人民路", "环城北路", "康庄南路", "北环东路",   "云飞路",
    "长兴路", "庆丰路", "海川路",   "江北大道", "慈城中华路", "洪塘中路"};
constexpr std::array<std::string_view, 32> kInventions = {"高强度复合材料及其制备方法",
                                                          "电机驱动控制装置",
                                                          "自动化装配生产线",
                                                          "节能型换热器",
                                                          "智能窗帘电机",
                                                          "阻燃改性聚合物",
                                                          "精密轴承加工工艺",
                                                          "锂电池正极材料",
                                                          "LED散热结构",
                                                          "污水处理装置",
                                                          "数控机床刀具夹持装置",
                                                          "耐腐蚀涂层",
                                                          "光伏组件边框",
                                                          "纳米涂料",
                                                          "工业机器人关节",
                                                          "医用导管",
                                                          "汽车零部件冲压模具",
                                                          "电子标签读写器",
                                                          "物联网传感终端",
                                                          "化工反应釜搅拌装置",
                                                          "节水灌溉控制器",
                                                          "高分子膜分离装置",
                                                          "智能家居控制系统",
                                                          "注塑成型方法",
                                                          "超导线材制备方法",
                                                          "稀土永磁材料",
                                                          "服装面料",
                                                          "可降解包装材料",
                                                          "精密铸造工艺",
                                                          "视频监控方法",
                                                          "数据加密传输方法",
                                                          "仓储物流调度系统"};
constexpr std::array<std::string_view, 10> kUniversities = {
    "浙江大学",      "宁波大学",       "中国科学院宁波材料技术与工程研究所",
    "上海交通大学",  "哈尔滨工业大学", "东华大学",
    "浙江工业大学",  "华东理工大学",   "同济大学",
    "宁波诺丁汉大学"};
constexpr std::array<std::string_view, 10> kBanks = {
    "中国银行江北支行", "工商银行江北支行", "农业银行江北支行", "建设银行江北支行",
    "交通银行江北支行", "宁波银行科技支行", "杭州银行科技支行", "浦发银行江北支行",
    "招商银行江北支行", "鄞州银行江北支行"};

}  // namespace

std::span<const std::string_view> Words::firm_prefixes() { return kFirmPrefixes; }
std::span<const std::string_view> Words::surnames() { return kSurnames; }
std::span<const std::string_view> Words::given_names() { return kGivenNames; }
std::span<const std::string_view> Words::towns() { return kTowns; }
std::span<const std::string_view> Words::roads() { return kRoads; }
std::span<const std::string_view> Words::inventions() { return kInventions; }
std::span<const std::string_view> Words::universities() { return kUniversities; }
std::span<const std::string_view> Words::banks() { return kBanks; }

std::string person_name(Random& random) {
  std::string name(random.pick(Words::surnames()));
  name += random.pick(Words::given_names());
  if (random.chance(0.6)) name += random.pick(Words::given_names());
  return name;
}

}  // namespace kc::app::demo
