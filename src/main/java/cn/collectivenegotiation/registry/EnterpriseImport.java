package cn.collectivenegotiation.registry;

import cn.collectivenegotiation.identity.CurrentUser;
import cn.collectivenegotiation.identity.EnterpriseGroups;
import cn.collectivenegotiation.input.InvalidInputException;
import cn.collectivenegotiation.offer.ReportingUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Imports an officer's spreadsheet (CSV or XLSX) into the registry: all of it, or, when any row is
 * wrong, none of it, with every problem listed by row and column. Importing a file again updates the
 * enterprises it names (by credit code); it never adds them twice.
 */
@Service
public class EnterpriseImport {

  private static final byte[] ZIP = {'P', 'K', 3, 4};
  private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};

  private final EnterpriseRegistry registry;
  private final EnterpriseGroups groups;

  public EnterpriseImport(EnterpriseRegistry registry, EnterpriseGroups groups) {
    this.registry = registry;
    this.groups = groups;
  }

  /** What an import did; {@code total} is the number of enterprises the file named. */
  public record Result(int created, int updated, int total, List<String> ignoredColumns) {}

  /** {@code bytes} is null when no file came. */
  public Result importFile(String filename, String contentType, byte[] bytes, CurrentUser user) {
    Set<ReportingUnit> units = RegistryAccess.importable(user);
    if (units.isEmpty()) {
      throw new AccessDeniedException("只有市总工会或区县（产业）工会可以导入企业名录 (only the city union or a unit's union may import enterprises)");
    }
    if (bytes == null || bytes.length == 0) {
      throw new InvalidInputException("file", "请上传 CSV 或 XLSX 文件 (upload a CSV or XLSX file in the field \"file\")");
    }
    ImportTable table = switch (formatOf(filename, contentType, bytes)) {
      case CSV -> CsvFile.read(bytes);
      case XLSX -> XlsxFile.read(bytes);
    };
    EnterpriseRows.Rows rows = EnterpriseRows.read(table);
    checkUnits(rows.rows(), units);
    List<Enterprise> enterprises = rows.rows().stream().map(EnterpriseRows.Read::enterprise).toList();
    Map<String, String> namesBefore = registry.namesOf(enterprises.stream().map(Enterprise::creditCode).toList());
    EnterpriseRegistry.Saved saved;
    try {
      saved = registry.saveAll(enterprises, user.userId());
    } catch (DuplicateKeyException concurrentImport) {
      // another import created one of these enterprises between our look-up and our insert: now it is known
      saved = registry.saveAll(enterprises, user.userId());
    }
    // each registered enterprise's management and union groups, for the operator to add its people to; groups
    // named after the registry's former name take the corrected one
    groups.ensure(enterprises.stream()
        .map(e -> new EnterpriseGroups.Named(e.creditCode(), e.name(), namesBefore.get(e.creditCode()))
            .readableBy(e.reportingUnit().unionGroup())).toList());
    return new Result(saved.created(), saved.updated(), enterprises.size(), rows.ignoredColumns());
  }

  /** A unit's union keeps its own unit: neither another unit's rows nor another unit's registered enterprises. */
  private void checkUnits(List<EnterpriseRows.Read> rows, Set<ReportingUnit> units) {
    if (units.size() == ReportingUnit.values().length) {
      return;
    }
    Map<String, ReportingUnit> registered = registry.unitsOf(rows.stream().map(r -> r.enterprise().creditCode()).toList());
    List<ImportRefusedException.RowError> errors = new ArrayList<>();
    String field = EnterpriseColumn.REPORTING_UNIT.heading();
    for (EnterpriseRows.Read row : rows) {
      ReportingUnit unit = row.enterprise().reportingUnit();
      ReportingUnit current = registered.get(row.enterprise().creditCode());
      if (!units.contains(unit)) {
        errors.add(new ImportRefusedException.RowError(row.row(), field,
            unit.chineseName() + "不属于本单位 (not your reporting unit)"));
      } else if (current != null && !units.contains(current)) {
        errors.add(new ImportRefusedException.RowError(row.row(), field,
            "该企业已登记在" + current.chineseName() + "，不属于本单位 (registered under another reporting unit)"));
      }
    }
    if (!errors.isEmpty()) {
      errors.sort(Comparator.comparingInt(ImportRefusedException.RowError::row));
      throw new ImportRefusedException(errors);
    }
  }

  enum Format { CSV, XLSX }

  /** By the file's name, then its content type, then its first bytes. */
  static Format formatOf(String filename, String contentType, byte[] bytes) {
    String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
    String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
    // browsers send a .csv as application/vnd.ms-excel where Excel is installed: the name and the bytes decide
    if (name.endsWith(".xls") || startsWith(bytes, OLE2)) {
      throw new InvalidInputException("file", "不支持 .xls 格式或加密的工作簿，请在 Excel 中另存为 .xlsx 或 CSV"
          + " (.xls and encrypted workbooks are not read: save as .xlsx or CSV)");
    }
    if (name.endsWith(".xlsx") || type.contains("spreadsheetml")) {
      return Format.XLSX;
    }
    if (name.endsWith(".csv") || type.startsWith("text/csv") || type.startsWith("text/plain")) {
      return Format.CSV;
    }
    if (!name.contains(".") || name.endsWith(".txt")) {
      return startsWith(bytes, ZIP) ? Format.XLSX : Format.CSV;
    }
    throw new InvalidInputException("file", "只能导入 .csv 或 .xlsx 文件 (only .csv and .xlsx files)");
  }

  private static boolean startsWith(byte[] bytes, byte[] prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (bytes[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
