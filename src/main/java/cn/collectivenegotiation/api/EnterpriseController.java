package cn.collectivenegotiation.api;

import cn.collectivenegotiation.identity.CurrentUser;
import cn.collectivenegotiation.input.InvalidInputException;
import cn.collectivenegotiation.offer.ReportingUnit;
import cn.collectivenegotiation.registry.Enterprise;
import cn.collectivenegotiation.registry.EnterpriseDecisions;
import cn.collectivenegotiation.registry.EnterpriseImport;
import cn.collectivenegotiation.registry.EnterpriseRegistry;
import cn.collectivenegotiation.registry.RegistryAccess;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The enterprise registry (企业名录): import an officer's spreadsheet, read the enterprises, and ask the
 * decision tables which are priority targets and which topics suit one.
 */
@RestController
@RequestMapping("/api/enterprises")
public class EnterpriseController {

  private final EnterpriseImport importer;
  private final EnterpriseRegistry registry;
  private final EnterpriseDecisions decisions;
  private final CurrentUsers currentUsers;

  public EnterpriseController(EnterpriseImport importer, EnterpriseRegistry registry, EnterpriseDecisions decisions,
      CurrentUsers currentUsers) {
    this.importer = importer;
    this.registry = registry;
    this.decisions = decisions;
    this.currentUsers = currentUsers;
  }

  /** A CSV or XLSX file in the multipart field {@code file}: all rows imported, or none with every problem listed. */
  @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  public EnterpriseImport.Result importFile(@RequestPart(name = "file", required = false) MultipartFile file)
      throws IOException {
    if (file == null || file.isEmpty()) {
      return importer.importFile(null, null, null, currentUsers.current());
    }
    return importer.importFile(file.getOriginalFilename(), file.getContentType(), file.getBytes(), currentUsers.current());
  }

  /** The enterprises of one unit, or of every unit the person may read when no unit is given. */
  @GetMapping
  public List<Enterprise> list(@RequestParam(required = false) String unit) {
    return enterprisesOf(unit, currentUsers.current());
  }

  /** The unit's priority targets by the {@code key-target} table, each with its reasons. */
  @GetMapping("/targets")
  public List<EnterpriseDecisions.Target> targets(@RequestParam(required = false) String unit) {
    return decisions.keyTargets(enterprisesOf(unit, currentUsers.current()));
  }

  @GetMapping("/{creditCode}")
  public ResponseEntity<Enterprise> read(@PathVariable String creditCode) {
    return ResponseEntity.of(readable(creditCode, currentUsers.current()));
  }

  /** Topics the {@code negotiation-topics} table recommends for the enterprise's situation. */
  @GetMapping("/{creditCode}/recommended-topics")
  public ResponseEntity<List<EnterpriseDecisions.RecommendedTopic>> recommendedTopics(@PathVariable String creditCode) {
    return ResponseEntity.of(readable(creditCode, currentUsers.current()).map(decisions::recommendedTopics));
  }

  private Optional<Enterprise> readable(String creditCode, CurrentUser user) {
    Set<ReportingUnit> units = mayRead(user);
    Optional<Enterprise> enterprise = registry.find(creditCode);
    if (enterprise.isPresent() && !units.contains(enterprise.get().reportingUnit())) {
      throw new AccessDeniedException("无权查看该企业 (enterprise " + creditCode + " belongs to another reporting unit)");
    }
    return enterprise;
  }

  private List<Enterprise> enterprisesOf(String unitCode, CurrentUser user) {
    Set<ReportingUnit> units = mayRead(user);
    if (unitCode == null || unitCode.isBlank()) {
      return units.size() == ReportingUnit.values().length
          ? registry.list(null)
          : units.stream().flatMap(u -> registry.list(u).stream()).toList();
    }
    ReportingUnit unit = Arrays.stream(ReportingUnit.values()).filter(u -> u.name().equalsIgnoreCase(unitCode.strip()))
        .findFirst().orElseThrow(() -> new InvalidInputException("unit", "“" + unitCode + "”不是填报单位代码 (unit must be one of "
            + Arrays.toString(ReportingUnit.values()) + ")"));
    if (!units.contains(unit)) {
      throw new AccessDeniedException("无权查看" + unit.chineseName() + "的企业 (another reporting unit's enterprises)");
    }
    return registry.list(unit);
  }

  private static Set<ReportingUnit> mayRead(CurrentUser user) {
    Set<ReportingUnit> units = RegistryAccess.readable(user);
    if (units.isEmpty()) {
      throw new AccessDeniedException("无权查看企业名录 (only unions and labour bureaus read the enterprise registry)");
    }
    return units;
  }
}
