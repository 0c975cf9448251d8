/** The form of a deal a partner found itself, in Korean. */
import type { Strings } from '../en';

export const newDeal: Strings['newDeal'] = {
  title: '새 거래',
  intro: '직접 발굴한 거래를 등록하세요. 국가에 따라 지역과 채널이 정해지며, 나중에 변경할 수 없습니다.',
  customer: '고객',
  customerName: '고객 이름',
  country: '국가',
  chooseCountry: '고객의 국가 선택',
  contact: '고객 연락처',
  deal: '거래',
  member: '내 팀: 1명 이상',
  solutions: '솔루션(1개 이상, 평가는 단독으로만 선택 가능)',
  chooseSolutions: '솔루션 선택',
  microsoft: 'Microsoft',
  help: 'Microsoft에서 필요한 도움의 종류를 선택하세요',
  maySee: 'Microsoft 판매자가 이 거래를 볼 수 있도록 하시겠습니까?',
  yes: '예',
  no: '아니요',
  notesOptional: '고객 요구 사항(선택 사항)',
  submit: '거래 만들기',
  required: (label: string) => `${label} 항목은 필수입니다.`,
  created: '거래를 만들었습니다. 거래 카드는 해당 지역의 채널로 전송됩니다.',
  alreadyCreated: '이 양식으로 이미 아래 거래를 만들었습니다.',
  formUsed: '이 양식으로는 거래를 만들 수 없습니다. 새 양식을 받으려면 "new deal"을 보내세요.',
  usage: '직접 발굴한 거래를 등록하려면 "new deal"을 보내세요.',
};
