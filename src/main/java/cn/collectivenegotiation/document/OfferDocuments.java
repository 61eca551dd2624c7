package cn.collectivenegotiation.document;

import cn.collectivenegotiation.deadline.DeadlineProperties;
import cn.collectivenegotiation.deadline.LegalTime;
import cn.collectivenegotiation.identity.CurrentUser;
import cn.collectivenegotiation.offer.OfferAccess;
import cn.collectivenegotiation.offer.OfferKind;
import cn.collectivenegotiation.offer.OfferVariables;
import cn.collectivenegotiation.offer.OfferView;
import cn.collectivenegotiation.offer.OfferProcess;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The notices kept with each offer and who may have them.
 *
 * <p>整改意见书 / 约谈通知书 and 责令限期改正通知书 are set when their task completes (listeners in
 * {@code collective-offer.bpmn}, after the step's recorder has checked the form and computed the deadline),
 * on the engine's connection in the engine's transaction: the notice exists exactly when the step does.
 * The offer letter is set on its first request instead: one PDF takes some 20–30 ms, several times what
 * a bare engine needs to start an offer, and its facts (the offer's variables and response deadline,
 * written by {@code OfferRegistration}) never change after the start.
 *
 * <p>Reading follows {@link OfferAccess}, as {@code GET /api/offers/{n}} does.
 */
@Component("offerDocuments")
public class OfferDocuments {

  /** One document as listed: what it is, when it was set, how large, where to get it. */
  public record Entry(DocumentKind kind, String title, String documentNumber, LocalDate issuedOn,
      Instant created, int size, String href) {}

  /** One document with its content. */
  public record Stored(Entry entry, byte[] content) {}

  private final DocumentStore store;
  private final OfficialDocumentPdf pdf;
  private final HistoryService historyService;
  private final OfferAccess access;
  private final DeadlineProperties deadlines;

  public OfferDocuments(DocumentStore store, OfficialDocumentPdf pdf, HistoryService historyService,
      OfferAccess access, DeadlineProperties deadlines) {
    this.store = store;
    this.pdf = pdf;
    this.historyService = historyService;
    this.access = access;
    this.deadlines = deadlines;
  }

  /** {@code issueRectificationNotice} completed: the 整改意见书 or 约谈通知书 as the officer issued it. */
  public void rectificationIssued(DelegateTask task) {
    issued(task, new NoticeTexts(task.getVariables()).rectificationNotice(LegalTime.today()));
  }

  /** {@code orderCorrection} completed: the labour bureau's 责令限期改正通知书. */
  public void correctionOrdered(DelegateTask task) {
    issued(task, new NoticeTexts(task.getVariables()).correctionOrder(LegalTime.today()));
  }

  private void issued(DelegateTask task, OfficialDocument document) {
    Authentication user = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    // a step is done once per offer; were it ever done again, its newer notice would stand
    store.replace(task.getProcessInstanceId(), document, pdf.render(document), ClockUtil.getCurrentTime().toInstant(),
        user == null ? null : user.getUserId());
  }

  /** The offer's documents; empty if there is no such offer, {@link AccessDeniedException} if not the caller's. */
  public Optional<List<Entry>> list(String offerNumber, CurrentUser user) {
    return readable(offerNumber, user).map(instance -> {
      List<DocumentStore.Kept> kept = store.list(instance.getId());
      if (kept.stream().noneMatch(k -> k.kind() == DocumentKind.OFFER_LETTER)) {
        setOfferLetter(instance);
        kept = store.list(instance.getId());
      }
      List<Entry> entries = new ArrayList<>();
      kept.forEach(k -> entries.add(entry(offerNumber, k)));
      return entries;
    });
  }

  /**
   * The offer view with its documents listed (read access already checked by the reader): those kept, and
   * the offer letter, which every offer has, whether or not it was requested yet.
   */
  public OfferView listedIn(OfferView view) {
    List<OfferView.Document> listed = new ArrayList<>();
    List<DocumentStore.Kept> kept = store.list(view.processInstanceId());
    if (kept.stream().noneMatch(k -> k.kind() == DocumentKind.OFFER_LETTER)) {
      listed.add(new OfferView.Document(DocumentKind.OFFER_LETTER.name(),
          OfferKind.REGIONAL.name().equals(view.offer().get(OfferVariables.OFFER_KIND)) ? "区域（行业）性集体协商要约书" : "集体协商要约书",
          href(view.offerNumber(), DocumentKind.OFFER_LETTER)));
    }
    kept.forEach(k -> listed.add(new OfferView.Document(k.kind().name(), k.title(), href(view.offerNumber(), k.kind()))));
    return view.withDocuments(listed);
  }

  /** One document of the offer; empty if there is no such offer or no such document (yet). */
  public Optional<Stored> find(String offerNumber, DocumentKind kind, CurrentUser user) {
    return readable(offerNumber, user).flatMap(instance -> {
      if (kind == DocumentKind.OFFER_LETTER && store.content(instance.getId(), kind).isEmpty()) {
        setOfferLetter(instance);
      }
      return store.list(instance.getId()).stream().filter(k -> k.kind() == kind).findFirst()
          .flatMap(k -> store.content(instance.getId(), kind).map(content -> new Stored(entry(offerNumber, k), content)));
    });
  }

  private Optional<HistoricProcessInstance> readable(String offerNumber, CurrentUser user) {
    HistoricProcessInstance instance = historyService.createHistoricProcessInstanceQuery()
        .processDefinitionKey(OfferProcess.KEY).processInstanceBusinessKey(offerNumber).singleResult();
    if (instance == null) {
      return Optional.empty();
    }
    if (!access.mayRead(user, instance.getId())) {
      throw new AccessDeniedException("无权查看该要约的文书 (offer " + offerNumber + " belongs to another unit or enterprise)");
    }
    return Optional.of(instance);
  }

  /** The offer letter from the variables its start recorded, kept from now on. */
  private void setOfferLetter(HistoricProcessInstance instance) {
    Map<String, Object> vars = new HashMap<>();
    for (HistoricVariableInstance v : historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId()).disableCustomObjectDeserialization().list()) {
      if (v.getValue() != null) {
        vars.put(v.getName(), v.getValue());
      }
    }
    OfficialDocument letter = new NoticeTexts(vars).offerLetter(deadlines.getResponse());
    try {
      store.insert(instance.getId(), letter, pdf.render(letter), ClockUtil.getCurrentTime().toInstant(),
          instance.getStartUserId());
    } catch (DuplicateKeyException setByAnotherRequestMeanwhile) {
      // the same letter from the same facts: the first one kept stands
    }
  }

  private static Entry entry(String offerNumber, DocumentStore.Kept k) {
    return new Entry(k.kind(), k.title(), k.documentNumber(), k.issuedOn(), k.created(), k.size(),
        href(offerNumber, k.kind()));
  }

  private static String href(String offerNumber, DocumentKind kind) {
    return "/api/offers/" + offerNumber + "/documents/" + kind.slug() + ".pdf";
  }
}
