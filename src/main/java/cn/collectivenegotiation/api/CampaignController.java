package cn.collectivenegotiation.api;

import cn.collectivenegotiation.campaign.Campaign;
import cn.collectivenegotiation.campaign.CampaignService;
import cn.collectivenegotiation.campaign.StatisticsTable;
import cn.collectivenegotiation.input.InvalidInputException;
import cn.collectivenegotiation.offer.ReportingUnit;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 集中要约月 (public contract): {@code POST /api/campaigns}, {@code GET /api/campaigns/{id}/statistics} and
 * {@code GET /api/campaigns/{id}/statistics.xlsx[?unit=SHIZHONG]}.
 */
@RestController
@RequestMapping("/api/campaigns")
public class CampaignController {

  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  private final CampaignService campaigns;
  private final CurrentUsers currentUsers;

  public CampaignController(CampaignService campaigns, CurrentUsers currentUsers) {
    this.campaigns = campaigns;
    this.currentUsers = currentUsers;
  }

  @PostMapping
  public ResponseEntity<CampaignService.Started> start(@RequestBody Map<String, Object> body) {
    CampaignService.Started started = campaigns.start(body, currentUsers.current());
    return ResponseEntity.created(URI.create("/api/campaigns/" + started.id())).body(started);
  }

  @GetMapping
  public List<Campaign> list() {
    return campaigns.list(currentUsers.current());
  }

  @GetMapping("/{id}")
  public ResponseEntity<Campaign> read(@PathVariable String id) {
    return ResponseEntity.of(campaigns.find(id, currentUsers.current()));
  }

  @GetMapping("/{id}/statistics")
  public ResponseEntity<StatisticsTable> statistics(@PathVariable String id) {
    return ResponseEntity.of(campaigns.statistics(id, currentUsers.current()));
  }

  @GetMapping("/{id}/statistics.xlsx")
  public void workbook(@PathVariable String id, @RequestParam(required = false) String unit,
      HttpServletResponse response) throws IOException {
    ReportingUnit reportingUnit = null;
    if (unit != null && !unit.isBlank()) {
      try {
        reportingUnit = ReportingUnit.valueOf(unit.trim());
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException("unit", "未知的填报单位 (unknown reporting unit: " + unit + ")");
      }
    }
    var out = new java.io.ByteArrayOutputStream();
    if (!campaigns.workbook(id, reportingUnit, currentUsers.current(), out)) {
      response.sendError(404);
      return;
    }
    String filename = "集中要约月统计表-" + id + (reportingUnit == null ? "" : "-" + reportingUnit.chineseName()) + ".xlsx";
    response.setContentType(XLSX);
    response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
        "attachment; filename*=UTF-8''" + URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20"));
    response.setContentLength(out.size());
    out.writeTo(response.getOutputStream());
  }
}
