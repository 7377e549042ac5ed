// Uploading an agreement as pasted text or a file.
import { element } from './dom.js';
import { requestJson } from './session.js';

export function showUpload(draw) {
  const text = element('textarea', {
    id: 'upload-text',
    placeholder: 'Paste the text of an agreement or a news report',
  });
  const file = element('input', {
    type: 'file',
    id: 'upload-file',
    accept: '.txt,.html,.htm,.pdf,.docx',
  });
  const result = element('p', { id: 'upload-result', class: 'muted' });
  const submit = element(
    'button',
    {
      id: 'upload-submit',
      onclick: async () => {
        const chosen = file.files[0];
        try {
          const answer = await requestJson('/api/agreements', {
            method: 'POST',
            body: chosen ?? text.value,
            contentType: chosen ? chosen.type || 'application/octet-stream' : 'text/plain',
          });
          result.replaceChildren(
            element(
              'a',
              { href: `#/agreements/${answer.id}` },
              `Agreement ${answer.id} (${answer.status})`,
            ),
          );
        } catch (error) {
          result.replaceChildren(`Refused: ${error.message}`);
        }
      },
    },
    'Upload',
  );
  draw(
    element(
      'section',
      {},
      element('h2', {}, 'Upload an agreement'),
      text,
      element('p', {}, file),
      submit,
      result,
    ),
  );
}
