import assert from 'node:assert/strict';
import { ASSISTANCE_REQUEST_CODES } from '../../bot/domain/assistanceRequest';
import { de } from '../../bot/strings/de';
import { en, type Strings } from '../../bot/strings/en';
import { ja } from '../../bot/strings/ja';
import { ko } from '../../bot/strings/ko';
import { ru } from '../../bot/strings/ru';
import { zhHant } from '../../bot/strings/zh-Hant';
import { referralCardData } from '../../bot/teams/views/referral/referralCardView';
import { NOW, receivedRecord } from '../support/fixtures';

/** The "Help requested" fact of a co-sell invitation from Microsoft asking for `code`, read in `strings`. */
function helpRequested(code: string, strings: Strings): string | undefined {
  const record = receivedRecord({
    type: 'Shared',
    inviteContext: { invitedBy: { organizationName: 'Microsoft' }, assistanceRequestCode: code },
  });
  const { customer } = referralCardData(record, NOW, strings);
  return customer.facts.find((fact) => fact.title === strings.card.helpRequested)?.value;
}

describe('help requested on a referral card', () => {
  const proofOfConcept: [string, Strings, string][] = [
    ['en', en, 'Proof of concept or demo'],
    ['de', de, 'Proof of Concept oder Demo'],
    ['ko', ko, 'POC(개념 증명) 또는 데모'],
    ['zh-Hant', zhHant, '概念驗證或示範'],
    ['ru', ru, 'Проверка концепции или демонстрация'],
    ['ja', ja, '概念実証（PoC）またはデモ'],
  ];
  for (const [language, strings, words] of proofOfConcept) {
    it(`names a known request in ${language}`, () => {
      assert.equal(helpRequested('ProofOfConceptOrDemo', strings), words);
    });
  }

  it('has words of its own for every known request in every language, not English', () => {
    for (const [language, strings] of proofOfConcept.slice(1)) {
      for (const code of ASSISTANCE_REQUEST_CODES) {
        assert.notEqual(helpRequested(code, strings), en.helpRequested[code], `${language} ${code}`);
      }
    }
  });

  it('shows an unknown request as words split from its code, escaped as Partner Center typed it', () => {
    assert.equal(helpRequested('TechnicalAssistance', en), 'Technical assistance');
    assert.equal(helpRequested('TechnicalAssistance', ko), 'Technical assistance');
    assert.equal(helpRequested('Azure_AIWorkshop', ja), 'Azure\\_AI workshop');
  });
});
