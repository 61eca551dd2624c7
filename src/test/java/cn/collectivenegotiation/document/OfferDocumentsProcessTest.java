package cn.collectivenegotiation.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import cn.collectivenegotiation.ProcessTestBase;
import cn.collectivenegotiation.identity.CurrentUser;
import cn.collectivenegotiation.input.InvalidInputException;
import cn.collectivenegotiation.offer.Chain;
import cn.collectivenegotiation.offer.Offers;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The notices the chain leaves with an offer as its steps are taken on the real engine. */
class OfferDocumentsProcessTest extends ProcessTestBase {

  static final CurrentUser CITY_UNION = new CurrentUser("cityofficer", List.of(CurrentUser.CITY_UNION));

  @Autowired OfferDocuments documents;
  @Autowired JdbcTemplate jdbc;

  /** Written 2017-03-07, delivered 2017-03-08: the answer is due on 2017-03-28. */
  ProcessInstance sendOffer() {
    Map<String, Object> vars = Offers.unionOffer("2017-03-07");
    vars.put("deliveryDate", "2017-03-08");
    return Chain.send(vars);
  }

  String number(ProcessInstance offer) {
    return historyService().createHistoricProcessInstanceQuery().processInstanceId(offer.getId()).singleResult()
        .getBusinessKey();
  }

  int kept(ProcessInstance offer) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM offer_document WHERE offer_id = ?", Integer.class, offer.getId());
  }

  String text(ProcessInstance offer, DocumentKind kind) {
    return Pdfs.text(documents.find(number(offer), kind, CITY_UNION).orElseThrow().content());
  }

  void letResponseDeadlinePass(ProcessInstance offer) {
    now("2017-03-29T00:00");
    execute(job("responseDeadlinePassed", offer));
  }

  void issueNotice(ProcessInstance offer, String kind) {
    complete(Chain.openTask(offer, "issueRectificationNotice"), withVariables(
        "rectificationKind", kind, "rectificationPartner", "INDUSTRY_COMMERCE_FEDERATION", "interviewee", "总经理赵某",
        "rectificationRequirements", "限期书面应约并开展集体协商", "rectificationDays", 15));
  }

  @Test
  @DisplayName("发出要约 → 不在启动事务里生成要约书；首次下载时生成并保存，再次下载取回同一份")
  void offerLetterOnFirstDownload() {
    ProcessInstance offer = sendOffer();
    assertThat(kept(offer)).as("nothing produced while the offer starts").isZero();

    byte[] first = documents.find(number(offer), DocumentKind.OFFER_LETTER, CITY_UNION).orElseThrow().content();
    assertThat(kept(offer)).isEqualTo(1);
    byte[] again = documents.find(number(offer), DocumentKind.OFFER_LETTER, CITY_UNION).orElseThrow().content();
    assertThat(again).isEqualTo(first);
    assertThat(kept(offer)).isEqualTo(1);

    assertThat(Pdfs.text(first)).contains(number(offer), "乐山市示范机械有限公司", "即2017年3月28日前", "《集体合同规定》第三十二条");
    assertThat(documents.list(number(offer), CITY_UNION).orElseThrow()).extracting(OfferDocuments.Entry::kind)
        .containsExactly(DocumentKind.OFFER_LETTER);
    assertThat(documents.find(number(offer), DocumentKind.RECTIFICATION_NOTICE, CITY_UNION)).as("not issued").isEmpty();
  }

  @Test
  @DisplayName("逾期未应约 → 整改意见书 → 逾期不整改 → 责令限期改正通知书：每一步完成时文书随要约保存")
  void noticesAlongTheChain() {
    ProcessInstance offer = sendOffer();
    letResponseDeadlinePass(offer);
    assertThat(kept(offer)).isZero();

    now("2017-03-30T10:00");
    issueNotice(offer, "NOTICE");
    assertThat(kept(offer)).isEqualTo(1);
    assertThat(text(offer, DocumentKind.RECTIFICATION_NOTICE)).contains("整改意见书", number(offer))
        .contains("乐山市市中区总工会", "乐山市市中区工商业联合会", "但逾期未予回应", "请你单位于2017年4月14日前完成整改")
        .contains("2017年3月30日");

    now("2017-04-15T00:00");
    execute(job("rectificationDeadlinePassed", offer));
    now("2017-04-17T10:00");
    complete(Chain.openTask(offer, "orderCorrection"),
        withVariables("correctionRequirements", "责令十日内开展集体协商", "correctionDays", 10));
    assertThat(text(offer, DocumentKind.CORRECTION_ORDER)).contains("责令限期改正通知书", number(offer))
        .contains("乐山市市中区人力资源和社会保障局", "整改期限至2017年4月14日", "请你单位于2017年4月27日前改正")
        .contains("工会法》第五十四条第（四）项", "2017年4月17日");

    assertThat(documents.list(number(offer), CITY_UNION).orElseThrow())
        .extracting(OfferDocuments.Entry::kind, OfferDocuments.Entry::title)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(DocumentKind.RECTIFICATION_NOTICE, "整改意见书"),
            org.assertj.core.groups.Tuple.tuple(DocumentKind.CORRECTION_ORDER, "责令限期改正通知书"),
            org.assertj.core.groups.Tuple.tuple(DocumentKind.OFFER_LETTER, "集体协商要约书"));
  }

  @Test
  @DisplayName("无正当理由拒绝 → 约谈：约谈通知书写明拒绝理由和约谈对象")
  void interviewAfterUnjustifiedRefusal() {
    ProcessInstance offer = sendOffer();
    Chain.refuse(offer, "企业经营困难，暂不协商");
    complete(Chain.openTask(offer, "reviewRefusal"),
        withVariables("refusalJustified", false, "reviewOpinion", "经营困难不是拒绝协商的正当理由"));
    issueNotice(offer, "INTERVIEW");

    assertThat(text(offer, DocumentKind.RECTIFICATION_NOTICE)).contains("约谈通知书", "决定约谈你单位总经理赵某")
        .contains("以“企业经营困难，暂不协商”为由拒绝协商，经审查，该理由不属于正当理由");
    assertThat(documents.list(number(offer), CITY_UNION).orElseThrow()).filteredOn(e -> e.kind() == DocumentKind.RECTIFICATION_NOTICE)
        .singleElement().satisfies(e -> {
          assertThat(e.title()).isEqualTo("约谈通知书");
          assertThat(e.documentNumber()).matches("市中工谈〔2017〕\\d+号");
          assertThat(e.href()).isEqualTo("/api/offers/" + number(offer) + "/documents/rectification-notice.pdf");
        });
  }

  @Test
  @DisplayName("整改意见书表单有误 → 任务不完成，也不留下文书")
  void badNoticeLeavesNoDocument() {
    ProcessInstance offer = sendOffer();
    letResponseDeadlinePass(offer);

    assertThatThrownBy(() -> complete(Chain.openTask(offer, "issueRectificationNotice"), withVariables(
        "rectificationKind", "NOTICE", "rectificationPartner", "ENTERPRISE_ASSOCIATION", "rectificationDays", 15)))
        .hasRootCauseInstanceOf(InvalidInputException.class);
    assertThat(kept(offer)).isZero();
    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(offer)
        .isWaitingAt("respondToOffer", "issueRectificationNotice", "petitionLabourBureau");
  }
}
