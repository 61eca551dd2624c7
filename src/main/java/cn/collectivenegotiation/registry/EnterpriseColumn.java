package cn.collectivenegotiation.registry;

import java.util.Arrays;
import java.util.Optional;

/**
 * The columns of an import file: the heading an officer's spreadsheet carries (Chinese), the field
 * name (also accepted as a heading), and whether the file must have the column. The situation flags
 * may be left out; a blank one reads as 否.
 */
public enum EnterpriseColumn {
  CREDIT_CODE("creditCode", "统一社会信用代码", true),
  NAME("name", "企业名称", true),
  REPORTING_UNIT("reportingUnit", "填报单位", true),
  INDUSTRY("industry", "行业", false),
  WORKFORCE("workforce", "职工人数", true),
  WOMEN_WORKERS("womenWorkers", "女职工人数", false),
  UNION_PRESENT("unionPresent", "是否建立工会", true),
  COLLECTIVE_CONTRACT("collectiveContract", "是否签订集体合同", true),
  SPECIAL_CONTRACT("specialContract", "是否签订专项集体合同", true),
  CONTRACT_END_DATE("contractEndDate", "集体合同到期日", true),
  MINIMUM_WAGE_PAY("minimumWagePay", "以最低工资标准作为工资支付标准", false),
  TENSE_RELATIONS("tenseRelations", "劳资关系紧张", false),
  IN_DIFFICULTY("inDifficulty", "生产经营困难", false),
  RESTRUCTURING("restructuring", "改革改制", false),
  SEVERE_HAZARDS("severeHazards", "职业危害严重", false);

  private final String field;
  private final String heading;
  private final boolean required;

  EnterpriseColumn(String field, String heading, boolean required) {
    this.field = field;
    this.heading = heading;
    this.required = required;
  }

  public String field() {
    return field;
  }

  /** The Chinese heading: what errors name, since it is what the officer sees. */
  public String heading() {
    return heading;
  }

  public boolean required() {
    return required;
  }

  /** The column a heading names: the Chinese heading or the field name, spaces around it ignored. */
  public static Optional<EnterpriseColumn> ofHeading(String heading) {
    String h = heading == null ? "" : heading.strip();
    return Arrays.stream(values()).filter(c -> c.heading.equals(h) || c.field.equalsIgnoreCase(h)).findFirst();
  }
}
