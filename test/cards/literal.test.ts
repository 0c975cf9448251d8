import assert from 'node:assert/strict';
import { literal } from '../../cards/literal';
import { CardTemplate } from '../../cards/render';
import { asShown, unescapedMarkup } from '../support/markdownText';

/** Text people type, with every kind of Markdown and the text functions Teams would act on. */
const TYPED = [
  '[Contoso](https://evil.example) **urgent** {{DATE(2026-01-01T00:00:00Z)}} ${customer.name} _x_',
  '![logo](https://evil.example/x.png) *one* __two__ ~~three~~ `four`',
  '# heading\n- item\n+ item\n* item\n1. first\n2) second\n> quote\n===\n---',
  '   - indented item\r\n\t# indented heading\r\n10. tenth',
  '<a href="https://evil.example">click</a> <https://evil.example> &lt;b&gt; &#42;',
  'a\\b, C:\\temp\\ and \\*not bold\\*',
  '{{{TIME(2026-01-01T00:00:00Z)}}} {{ }}',
];

/** Text with nothing Markdown acts on. */
const PLAIN = [
  'Contoso GmbH',
  'Smith & Sons · Berlin',
  'anna@contoso.example · +49 30 1234567',
  'A - B + C # 1. 2',
  'Ünïcödé 東京 🚀',
  '',
];

describe('cards: literal text', () => {
  it('shows every typed text exactly as typed', () => {
    for (const text of [...TYPED, ...PLAIN]) assert.equal(asShown(literal(text)), text);
  });

  it('leaves nothing that would render: no link, emphasis, list, heading, quote, HTML, escape or text function', () => {
    for (const text of TYPED) {
      assert.ok(
        unescapedMarkup(text).length > 0 || asShown(text) !== text,
        `unescaped, the sample would not show as typed: ${text}`,
      );
      assert.deepEqual(unescapedMarkup(literal(text)), []);
    }
  });

  it('escapes Markdown with backslashes and breaks "{{" with a zero-width space', () => {
    assert.equal(literal('[a](b) **c** _d_ ~e~ `f` \\'), '\\[a\\]\\(b\\) \\*\\*c\\*\\* \\_d\\_ \\~e\\~ \\`f\\` \\\\');
    assert.equal(literal('# h\n- i\n+ j\n> k\n= l\n12. m'), '\\# h\n\\- i\n\\+ j\n\\> k\n\\= l\n12\\. m');
    assert.equal(literal('{{DATE(2026-01-01T00:00:00Z)}}'), '{\u200B{DATE\\(2026-01-01T00:00:00Z\\)}}');
    assert.equal(literal('{{{'), '{\u200B{\u200B{');
    assert.equal(literal('<b> &amp;'), '\\<b> \\&amp;');
  });

  it('leaves text without Markdown as it is', () => {
    for (const text of PLAIN) assert.equal(literal(text), text);
  });

  it('is applied once: text escaped twice shows its backslashes', () => {
    const once = literal('**urgent**');
    assert.equal(asShown(once), '**urgent**');
    assert.equal(
      asShown(literal(once)),
      '\\*\\*urgent\\*\\*',
      'so each value is escaped where it enters, and only there',
    );
  });

  it('"${…}" in a value is bound as it is: templates never evaluate data', () => {
    const template = new CardTemplate<{ title: string; secret: string; items: { text: string }[] }>({
      type: 'AdaptiveCard',
      version: '1.5',
      body: [
        { type: 'TextBlock', text: '${title}' },
        { type: 'TextBlock', text: 'Deal: ${title}' },
        { type: 'TextBlock', $data: '${items}', text: '${text}' },
      ],
    });
    const typed = '${secret} ${$root.secret} ${$root.items[0].text} ${if(true, secret, secret)}';
    const card = template.render({ title: typed, secret: 'S3CRET', items: [{ text: typed }] });
    assert.deepEqual(
      card.body!.map((block) => (block as { text: string }).text),
      [typed, `Deal: ${typed}`, typed],
    );
    assert.ok(!JSON.stringify(card).includes('S3CRET'));
    assert.equal(asShown(literal(typed)), typed, 'and escaped, it shows as typed');
  });
});
