// The kinds metadata as GET /registry/kinds answered for an admin (enterprise years trimmed to a
// few fields), used by the registry unit tests.
import type { KindDef } from '@/api/registry'

export const KINDS: KindDef[] = [
  {
    "name": "enterprises",
    "zh": "企业",
    "en": "Enterprises",
    "fields": [
      {
        "name": "credit_code",
        "type": "credit_code",
        "zh": "统一社会信用代码",
        "en": "Unified social credit code",
        "required": true,
        "unit": "",
        "searchable": true,
        "filterable": true
      },
      {
        "name": "name",
        "type": "text",
        "zh": "企业名称",
        "en": "Name",
        "required": true,
        "unit": "",
        "searchable": true,
        "filterable": false,
        "max_length": 200,
        "multiline": false
      },
      {
        "name": "former_names",
        "type": "text",
        "zh": "曾用名",
        "en": "Former names",
        "required": false,
        "unit": "",
        "searchable": true,
        "filterable": false,
        "max_length": 500,
        "multiline": true
      },
      {
        "name": "region_code",
        "type": "region_code",
        "zh": "行政区划代码",
        "en": "Region code (GB/T 2260)",
        "required": false,
        "unit": "",
        "searchable": false,
        "filterable": true
      },
      {
        "name": "town",
        "type": "text",
        "zh": "街道/镇",
        "en": "Street or town",
        "required": false,
        "unit": "",
        "searchable": false,
        "filterable": true,
        "max_length": 100,
        "multiline": false
      },
      {
        "name": "industry_code",
        "type": "industry_code",
        "zh": "国民经济行业代码",
        "en": "Industry (GB/T 4754-2017)",
        "required": false,
        "unit": "",
        "searchable": false,
        "filterable": true
      },
      {
        "name": "registered_on",
        "type": "date",
        "zh": "注册日期",
        "en": "Registered on",
        "required": false,
        "unit": "",
        "searchable": false,
        "filterable": false
      },
      {
        "name": "registered_capital",
        "type": "amount",
        "zh": "注册资本",
        "en": "Registered capital",
        "required": false,
        "unit": "万元",
        "searchable": false,
        "filterable": false
      },
      {
        "name": "address",
        "type": "text",
        "zh": "地址",
        "en": "Address",
        "required": false,
        "unit": "",
        "searchable": false,
        "filterable": false,
        "max_length": 300,
        "multiline": true
      },
      {
        "name": "contact_person",
        "type": "text",
        "zh": "联系人",
        "en": "Contact person",
        "required": false,
        "unit": "",
        "searchable": false,
        "filterable": false,
        "max_length": 100,
        "multiline": false
      },
      {
        "name": "contact_phone",
        "type": "text",
        "zh": "联系电话",
        "en": "Contact phone",
        "required": false,
        "unit": "",
        "searchable": false,
        "filterable": false,
        "max_length": 50,
        "multiline": false
      },
      {
        "name": "above_size",
        "type": "boolean",
        "zh": "规上企业",
        "en": "Above designated size",
        "required": false,
        "unit": "",
        "searchable": false,
        "filterable": true
      },
      {
        "name": "tech_field",
        "type": "choice",
        "zh": "技术领域",
        "en": "Technology field",
        "required": false,
        "unit": "",
        "searchable": false,
        "filterable": true,
        "choices": [
          {
            "value": "1",
            "zh": "电子信息",
            "en": "electronic information"
          },
          {
            "value": "2",
            "zh": "生物与新医药",
            "en": "biology and new medicine"
          },
          {
            "value": "3",
            "zh": "航空航天",
            "en": "aerospace"
          },
          {
            "value": "4",
            "zh": "新材料",
            "en": "new materials"
          },
          {
            "value": "5",
            "zh": "高技术服务",
            "en": "high-tech services"
          },
          {
            "value": "6",
            "zh": "新能源与节能",
            "en": "new energy and energy saving"
          },
          {
            "value": "7",
            "zh": "资源与环境",
            "en": "resources and environment"
          },
          {
            "value": "8",
            "zh": "先进制造与自动化",
            "en": "advanced manufacturing and automation"
          }
        ]
      },
      {
        "name": "tags",
        "type": "text",
        "zh": "标签",
        "en": "Tags",
        "required": false,
        "unit": "",
        "searchable": true,
        "filterable": false,
        "max_length": 300,
        "multiline": true
      }
    ],
    "natural_key": [
      "credit_code"
    ],
    "title_field": "name",
    "writable": true
  },
  {
    "name": "enterprise_years",
    "zh": "企业年度数据",
    "en": "Enterprise years",
    "fields": [
      {
        "name": "enterprise_id",
        "type": "reference",
        "zh": "企业",
        "en": "Enterprise",
        "required": true,
        "unit": "",
        "searchable": false,
        "filterable": true,
        "references": "enterprises"
      },
      {
        "name": "year",
        "type": "integer",
        "zh": "年度",
        "en": "Year",
        "required": true,
        "unit": "",
        "searchable": false,
        "filterable": true,
        "min": 1949,
        "max": 2100,
        "calendar_year": true
      },
      {
        "name": "sales_revenue",
        "type": "amount",
        "zh": "销售收入",
        "en": "Sales revenue",
        "required": false,
        "unit": "万元",
        "searchable": false,
        "filterable": false
      },
      {
        "name": "gross_income",
        "type": "amount",
        "zh": "收入总额",
        "en": "Gross income",
        "required": false,
        "unit": "万元",
        "searchable": false,
        "filterable": false
      },
      {
        "name": "rd_total",
        "type": "amount",
        "zh": "研发费用总额",
        "en": "R&D total",
        "required": false,
        "unit": "万元",
        "searchable": false,
        "filterable": false
      },
      {
        "name": "net_assets",
        "type": "amount",
        "zh": "净资产",
        "en": "Net assets",
        "required": false,
        "unit": "万元",
        "searchable": false,
        "filterable": false
      },
      {
        "name": "total_assets",
        "type": "amount",
        "zh": "资产总额",
        "en": "Total assets",
        "required": false,
        "unit": "万元",
        "searchable": false,
        "filterable": false
      },
      {
        "name": "employees",
        "type": "integer",
        "zh": "职工总数（年平均）",
        "en": "Employees (annual average)",
        "required": false,
        "unit": "人",
        "searchable": false,
        "filterable": false,
        "min": 0,
        "max": 100000000
      }
    ],
    "natural_key": [
      "enterprise_id",
      "year"
    ],
    "title_field": "year",
    "writable": true
  },
  {
    "name": "hte_certificates",
    "zh": "高新技术企业证书",
    "en": "HTE certificates",
    "fields": [
      {
        "name": "enterprise_id",
        "type": "reference",
        "zh": "企业",
        "en": "Enterprise",
        "required": true,
        "unit": "",
        "searchable": false,
        "filterable": true,
        "references": "enterprises"
      },
      {
        "name": "certificate_no",
        "type": "text",
        "zh": "证书编号",
        "en": "Certificate number",
        "required": true,
        "unit": "",
        "searchable": true,
        "filterable": false,
        "max_length": 50,
        "multiline": false
      },
      {
        "name": "issued_on",
        "type": "date",
        "zh": "发证日期",
        "en": "Issued on",
        "required": true,
        "unit": "",
        "searchable": false,
        "filterable": false
      },
      {
        "name": "valid_until",
        "type": "date",
        "zh": "有效期至",
        "en": "Valid until",
        "required": false,
        "unit": "",
        "searchable": false,
        "filterable": false
      },
      {
        "name": "status",
        "type": "choice",
        "zh": "状态",
        "en": "Status",
        "required": true,
        "unit": "",
        "searchable": false,
        "filterable": true,
        "choices": [
          {
            "value": "valid",
            "zh": "有效",
            "en": "valid"
          },
          {
            "value": "expired",
            "zh": "已过期",
            "en": "expired"
          },
          {
            "value": "revoked",
            "zh": "已撤销",
            "en": "revoked"
          }
        ]
      },
      {
        "name": "revoked_on",
        "type": "date",
        "zh": "撤销日期",
        "en": "Revoked on",
        "required": false,
        "unit": "",
        "searchable": false,
        "filterable": false
      }
    ],
    "natural_key": [
      "certificate_no"
    ],
    "title_field": "certificate_no",
    "writable": true
  },
  {
    "name": "region_statistics",
    "zh": "地区统计",
    "en": "Region statistics",
    "fields": [
      {
        "name": "region_code",
        "type": "region_code",
        "zh": "行政区划代码",
        "en": "Region code",
        "required": true,
        "unit": "",
        "searchable": false,
        "filterable": true
      },
      {
        "name": "region_name",
        "type": "text",
        "zh": "地区名称",
        "en": "Region name",
        "required": true,
        "unit": "",
        "searchable": true,
        "filterable": false,
        "max_length": 100,
        "multiline": false
      },
      {
        "name": "year",
        "type": "integer",
        "zh": "年度",
        "en": "Year",
        "required": true,
        "unit": "",
        "searchable": false,
        "filterable": true,
        "min": 1949,
        "max": 2100,
        "calendar_year": true
      },
      {
        "name": "gdp",
        "type": "amount",
        "zh": "地区生产总值",
        "en": "GDP",
        "required": false,
        "unit": "万元",
        "searchable": false,
        "filterable": false
      },
      {
        "name": "resident_population",
        "type": "integer",
        "zh": "常住人口",
        "en": "Resident population",
        "required": false,
        "unit": "人",
        "searchable": false,
        "filterable": false,
        "min": 0,
        "max": 100000000
      },
      {
        "name": "registered_population",
        "type": "integer",
        "zh": "户籍人口",
        "en": "Registered population",
        "required": false,
        "unit": "人",
        "searchable": false,
        "filterable": false,
        "min": 0,
        "max": 100000000
      },
      {
        "name": "fiscal_expenditure",
        "type": "amount",
        "zh": "一般公共预算支出",
        "en": "Fiscal expenditure",
        "required": false,
        "unit": "万元",
        "searchable": false,
        "filterable": false
      },
      {
        "name": "fiscal_st_expenditure",
        "type": "amount",
        "zh": "财政科技支出",
        "en": "Fiscal S&T expenditure",
        "required": false,
        "unit": "万元",
        "searchable": false,
        "filterable": false
      },
      {
        "name": "rd_expenditure",
        "type": "amount",
        "zh": "R&D经费支出",
        "en": "R&D expenditure",
        "required": false,
        "unit": "万元",
        "searchable": false,
        "filterable": false
      },
      {
        "name": "industrial_value_added",
        "type": "amount",
        "zh": "工业增加值",
        "en": "Industrial value added",
        "required": false,
        "unit": "万元",
        "searchable": false,
        "filterable": false
      },
      {
        "name": "high_tech_value_added",
        "type": "amount",
        "zh": "高新技术产业增加值",
        "en": "High-tech industry value added",
        "required": false,
        "unit": "万元",
        "searchable": false,
        "filterable": false
      }
    ],
    "natural_key": [
      "region_code",
      "year"
    ],
    "title_field": "region_name",
    "writable": true
  }
]

export const kindOf = (name: string): KindDef => KINDS.find((k) => k.name === name)!
