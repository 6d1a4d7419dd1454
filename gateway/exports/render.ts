import ExcelJS from 'exceljs';
import type { ExportedForm } from './form-query';

const MISSING_ZH: Record<string, string> = {
  NOT_CARRIED_OUT: '未开展',
  NOT_COUNTED: '未统计',
  ZERO_DENOMINATOR: '分母为0',
  SOURCE_UNAVAILABLE: '数据源缺失',
  NOT_AVAILABLE: '无数据来源',
};

const HEADER = ['行号', '栏目', '指标项', '项目', '填报值', '单位', '上年同期', '说明', '指标代码'];

const LEVEL_ZH: Record<string, string> = {
  LEVEL_3: '三级',
  LEVEL_2: '二级',
  LEVEL_1: '一级',
  UNRATED: '未定级',
};

/** 基本信息 rows: the respondent's name and level, from the entities the form names. */
function identityValue(f: ExportedForm, identity: string | null, display: string): string {
  const name = f.institution?.name ?? f.region?.name ?? f.alliance?.name;
  if (identity === 'NAME' && name) return name;
  if (identity === 'LEVEL' && f.institution) return LEVEL_ZH[f.institution.level] ?? f.institution.level;
  return display;
}

/** One row per form row, as the national platform lays the form out. */
function tableRows(f: ExportedForm): string[][] {
  return f.rows.map((r) => [
    r.key,
    r.section.join(' / '),
    r.item ?? '',
    r.labelZh,
    identityValue(f, r.identity, r.display),
    r.value?.unit ?? '',
    r.previousDisplay,
    r.value?.missing ? (MISSING_ZH[r.value.missing] ?? r.value.missing) : '',
    r.indicator ?? '',
  ]);
}

function auditRows(f: ExportedForm): string[][] {
  return [
    ...f.logicAudit.map((a) => ['表内表间审核（必须修改）', a.code, a.rowKeys.join(' '), a.messageZh]),
    ...f.reasonablenessAudit.map((a) => [
      '合理性审核（核实并说明）',
      a.code,
      a.rowKeys.join(' '),
      a.messageZh,
    ]),
  ];
}

function titleLines(f: ExportedForm): string[][] {
  return [
    [f.titleZh],
    [
      `填报：${f.respondentZh}`,
      `范围：${f.scopeKind} ${f.scopeCode}`,
      `统计期：${f.period}`,
      `比较期：${f.comparedWith}`,
    ],
    [
      `逻辑审核：${f.passedLogicAudit ? '通过' : '未通过'}`,
      `数据完整：${f.complete ? '是' : '否'}`,
      `缺失数据源：${
        f.sources
          .filter((s) => s.status !== 'OK')
          .map((s) => s.id)
          .join(' ') || '无'
      }`,
    ],
  ];
}

/** RFC 4180 field quoting. */
function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** CSV, UTF-8 with a byte-order mark so Excel and WPS open the Chinese text correctly. */
export function renderCsv(f: ExportedForm): Buffer {
  const lines = [
    ...titleLines(f),
    [],
    HEADER,
    ...tableRows(f),
    [],
    ['审核', '规则', '涉及行', '说明'],
    ...auditRows(f),
  ];
  const text = lines.map((l) => l.map(csvField).join(',')).join('\r\n') + '\r\n';
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
}

/** XLSX workbook: the form on the first sheet, the audit findings on the second. */
export async function renderXlsx(f: ExportedForm): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'health-alliance-gateway';
  const sheet = book.addWorksheet(f.form);
  for (const line of titleLines(f)) sheet.addRow(line);
  sheet.getRow(1).font = { bold: true, size: 14 };
  sheet.addRow([]);
  const header = sheet.addRow(HEADER);
  header.font = { bold: true };
  for (const row of tableRows(f)) sheet.addRow(row);
  sheet.columns.forEach((c, i) => {
    c.width = [8, 36, 24, 48, 12, 8, 12, 12, 36][i] ?? 12;
  });
  const audits = book.addWorksheet('审核');
  audits.addRow(['审核', '规则', '涉及行', '说明']).font = { bold: true };
  for (const row of auditRows(f)) audits.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}
