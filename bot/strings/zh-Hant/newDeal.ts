/** The form of a deal a partner found itself, in Traditional Chinese (Taiwan). */
import type { Strings } from '../en';

/** A label before Chinese text: a space after a label that ends in Latin letters, digits or a bracket. */
const named = (label: string) => (/[\w)]$/.test(label) ? `${label} ` : label);

export const newDeal: Strings['newDeal'] = {
  title: '新增交易',
  intro: '登錄您自行開發的交易。國家/地區決定其區域和頻道，之後無法變更。',
  customer: '客戶',
  customerName: '客戶名稱',
  country: '國家/地區',
  chooseCountry: '選擇客戶的國家/地區',
  contact: '客戶連絡人',
  deal: '交易',
  member: '您的團隊：至少一位成員',
  solutions: '解決方案 (至少一個；評估只能單獨選取)',
  chooseSolutions: '選擇解決方案',
  microsoft: 'Microsoft',
  help: '指出您需要 Microsoft 提供的協助類型',
  maySee: '您是否要讓 Microsoft 銷售人員檢視此交易？',
  yes: '是',
  no: '否',
  notesOptional: '客戶需求 (選用)',
  submit: '建立交易',
  required: (label: string) => `${named(label)}為必填。`,
  created: '交易已建立。其卡片會傳送到所屬區域的頻道。',
  alreadyCreated: '此表單已建立下方的交易。',
  formUsed: '此表單無法建立交易。請傳送「new deal」給我以取得新表單。',
  usage: '若要登錄您自行開發的交易，請傳送「new deal」給我。',
};
