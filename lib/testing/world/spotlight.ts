import { rngFor } from '../random';
import { DAY_MS, jstIso } from './layout';
import type { Illustrations } from './illustrations';
import type { FakeSpotlightArticle } from './records';

const ARTICLE_BASE = 9_000;
const ARTICLES = 95;
const THEMES = ['夕焼けの風景', '猫のいる日常', '星空の下で', 'ファンタジーの世界', '雨の日のイラスト', '制服の女の子', '海辺の物語'];
const KINDS = ['illust', 'illust', 'manga', 'novel'] as const;
const LABELS = { illust: 'イラスト', manga: 'マンガ', novel: '小説' } as const;

/** pixivision articles, newest first (`/v1/spotlight/articles` serves them 10 a page). */
export function spotlightArticles(seed: number, works: Illustrations, now: number): FakeSpotlightArticle[] {
  const out: FakeSpotlightArticle[] = [];
  for (let i = 0; i < ARTICLES; i++) {
    const rng = rngFor(seed, 'spotlight', i);
    const id = ARTICLE_BASE - i * 3;
    const theme = rng.pick(THEMES);
    const kind = rng.pick(KINDS);
    let thumbnail = '';
    for (let attempt = 0; attempt < 20 && !thumbnail; attempt++) {
      const work = works.random(rng, Infinity);
      if (work && !work.placeholder && work.type !== 'ugoira' && work.xRestrict === 0) thumbnail = work.originalUrls[0] ?? '';
    }
    const category = rng.chance(0.8) ? 'spotlight' : rng.chance(0.5) ? 'inspiration' : 'tutorial';
    const publish = Math.floor((now - i * 2.5 * DAY_MS) / 3600_000) * 3600_000;
    out.push({
      id,
      title: `${theme}特集`,
      pureTitle: theme,
      thumbnail: thumbnail.replace(/\/img-original\/(img\/.*?)\.(?:png|jpg)$/, '/c/540x540_70/img-master/$1_master1200.jpg'),
      articleUrl: `https://www.pixivision.net/ja/a/${id}`,
      publishDate: jstIso(publish),
      kind,
      category,
      subcategoryLabel: LABELS[kind],
    });
  }
  return out;
}
