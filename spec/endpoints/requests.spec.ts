/**
 * Every endpoint's request, refusals and decoding, as rows (spec/endpoints/rows/<family>.ts): one
 * `describe` per client member, one `it` per row, and for every member the checks all of them
 * share (nothing is sent before subscription).
 */
import type MockAdapter from 'axios-mock-adapter';
import { Observable } from 'rxjs';
import { API, mockedClient } from '../support/mock-api';
import { expectAppHeaders, expectTypeErrorBeforeSending, sentGets, sentPosts, settle } from './request-shape';
import { rows as bookmarks } from './rows/bookmarks';
import { rows as follows } from './rows/follows';
import { rows as illustrations } from './rows/illustrations';
import { rows as novels } from './rows/novels';
import type { DecodesRow, EndpointRow, RefusesRow, SendsRow } from './rows/row';
import { rows as search } from './rows/search';
import { rows as settings } from './rows/settings';
import { rows as users } from './rows/users';

const ALL: readonly EndpointRow[] = [...illustrations, ...search, ...bookmarks, ...users, ...follows, ...settings, ...novels];

const NOT_FOUND = {
  error: { user_message: '', message: "Specified end-point doesn't exist", reason: '', user_message_details: {} },
};

/** Values, error and API requests of one subscription, read 20 ms after the stream ended. */
function run(stream: Observable<unknown>, mock: MockAdapter, tokenRequests: () => unknown[]) {
  return new Promise<{ values: unknown[]; error: unknown }>((resolve) => {
    const values: unknown[] = [];
    stream.subscribe({
      next: (value) => values.push(value),
      error: (error: unknown) => resolve({ values, error }),
      complete: () => resolve({ values, error: undefined }),
    });
  }).then(async (outcome) => {
    await settle();
    return { ...outcome, requests: [...sentGets(mock), ...sentPosts(mock)], tokenRequests: tokenRequests().length };
  });
}

/** Answers the API requests (the token endpoint keeps its own handler) in order. */
function answerInOrder(mock: MockAdapter, answers: readonly unknown[], withStatus: boolean): void {
  let index = 0;
  mock.onAny().reply(() => {
    if (index >= answers.length) return [404, NOT_FOUND];
    const answer = answers[index++];
    return withStatus ? (answer as [number, unknown]) : [200, answer];
  });
}

async function sends(row: SendsRow): Promise<void> {
  const { client, mock, tokenRequests } = mockedClient(row.client);
  mock.onAny().reply(200, row.reply ?? {});
  const { error, requests } = await run(row.call(client), mock, tokenRequests);
  expect(error).toBeUndefined();
  expect(requests).toHaveLength(1);
  const [request] = requests;
  expect(request.method).toBe(row.sends.method);
  expect(request.origin).toBe(row.client?.apiBaseUrl ?? API);
  expect(request.path).toBe(row.sends.path);
  expect(row.sends.method === 'GET' ? request.query : request.form).toEqual(row.sends.params);
  if (row.sends.method === 'POST') {
    expect(request.query).toEqual([]);
    expect(request.headers['Content-Type']).toBe('application/x-www-form-urlencoded');
  }
  expectAppHeaders(request, { language: row.client?.language });
}

async function decodes(row: DecodesRow): Promise<void> {
  const { client, mock, tokenRequests } = mockedClient(row.client);
  if (row.mock) row.mock(mock);
  else answerInOrder(mock, [row.answer, ...(row.then ?? [])], row.withStatus ?? false);
  row.check(await run(row.call(client), mock, tokenRequests));
}

function kind(row: EndpointRow): 'sends' | 'refuses' | 'decodes' {
  if ('sends' in row) return 'sends';
  if ('refuses' in row) return 'refuses';
  return 'decodes';
}

const members = [...new Set(ALL.map((row) => row.member))];

describe.each(members)('%s', (member) => {
  const memberRows = ALL.filter((row) => row.member === member);

  it.each(memberRows.map((row) => [row.title, row] as const))('%s', (_, row) => {
    switch (kind(row)) {
      case 'sends':
        return sends(row as SendsRow);
      case 'refuses':
        return expectTypeErrorBeforeSending((client) => row.call(client), (row as RefusesRow).refuses);
      case 'decodes':
        return decodes(row as DecodesRow);
    }
  });

  it('sends nothing before subscription', async () => {
    const { client, mock } = mockedClient();
    mock.onAny().reply(200, {});
    for (const row of memberRows) row.call(client);
    await settle();
    expect(mock.history.get).toHaveLength(0);
    expect(mock.history.post).toHaveLength(0);
  });
});

describe('the rows', () => {
  it('show every member its request and at least one refusal or decoding', () => {
    // a page stream sends what its item stream sends: its rows may decode pages only
    for (const member of members.filter((name) => !name.endsWith('Pages$'))) {
      const kinds = new Set(ALL.filter((row) => row.member === member).map(kind));
      expect([member, kinds.has('sends')]).toEqual([member, true]);
      expect([member, kinds.size > 1]).toEqual([member, true]);
    }
  });

  it('have titles unique within their member', () => {
    const titles = ALL.map((row) => `${row.member} ${row.title}`);
    expect(titles.filter((title, i) => titles.indexOf(title) !== i)).toEqual([]);
  });
});
