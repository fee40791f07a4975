import { firstValueFrom, lastValueFrom, take, toArray } from 'rxjs';
import { API, TOKEN_URL, fixture, mockedClient } from '../support/mock-api';

it('probe', async () => {
  const { client, mock } = mockedClient();
  mock.onPost(`${API}/v2/illust/bookmark/add`).replyOnce(() => Promise.reject(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }))).onPost(`${API}/v2/illust/bookmark/add`).reply(200, {});
  const r = await firstValueFrom(client.addBookmark(1, { tags: ['a', 'b c'] })).catch((e) => e);
  console.log(r, mock.history.post.map((p) => [p.url, p.data, JSON.stringify(p.headers)]));
  mock.onPost(`${API}/v1/illust/bookmark/delete`).networkErrorOnce();
  const e = await firstValueFrom(client.deleteBookmark(1)).catch((e) => e);
  console.log(e, JSON.stringify(e));
  mock.onGet(/\/v1\/illust\/detail/).reply(200, { foo: 1 });
  console.log(await firstValueFrom(client.illustration$(5)).catch((e) => e));
  mock.onGet(/\/v1\/user\/illusts/).reply(200, { foo: 1 });
  console.log(await firstValueFrom(client.userIllustrations$(5)).catch((e) => e));
  mock.onGet(/\/v1\/search\/illust/).reply(200, { next_url: null });
  console.log(await firstValueFrom(client.searchIllustrations$('x')).catch((e) => e));
  mock.onGet(/\/v1\/user\/detail/).reply(200, fixture('v1-user-detail/pixivts-2023-16568776-derived-partial.json'));
  console.log(await firstValueFrom(client.user$(16568776)).catch((e) => e));
  mock.onGet(/\/v1\/illust\/ranking/).reply(200, 'oops<html>');
  console.log(await firstValueFrom(client.rankingIllustrations$()).catch((e) => e));
});
