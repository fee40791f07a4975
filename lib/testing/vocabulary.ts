/** Word lists the fake world draws its names, titles and tags from. */

/** A tag with the translations the fake serves per `Accept-Language` (`null`: none, as on Pixiv). */
export interface VocabularyTag {
  readonly name: string;
  readonly en: string | null;
  readonly zh: string | null;
}

export const TAGS: readonly VocabularyTag[] = [
  { name: 'オリジナル', en: 'original', zh: '原创' },
  { name: '女の子', en: 'girl', zh: '女孩子' },
  { name: '風景', en: 'scenery', zh: '风景' },
  { name: '創作', en: 'creation', zh: '创作' },
  { name: '猫', en: 'cat', zh: '猫' },
  { name: '空', en: 'sky', zh: '天空' },
  { name: '夕焼け', en: 'sunset', zh: '晚霞' },
  { name: '星空', en: 'starry sky', zh: '星空' },
  { name: '海', en: 'sea', zh: '海' },
  { name: '桜', en: 'cherry blossoms', zh: '樱花' },
  { name: '制服', en: 'uniform', zh: '制服' },
  { name: '眼鏡', en: 'glasses', zh: '眼镜' },
  { name: 'ファンタジー', en: 'fantasy', zh: '奇幻' },
  { name: 'SF', en: 'science fiction', zh: '科幻' },
  { name: 'ロボット', en: 'robot', zh: '机器人' },
  { name: '背景', en: 'background', zh: '背景' },
  { name: '水彩', en: 'watercolor', zh: '水彩' },
  { name: '厚塗り', en: 'impasto', zh: '厚涂' },
  { name: '落書き', en: 'doodle', zh: '涂鸦' },
  { name: '漫画', en: 'manga', zh: '漫画' },
  { name: '4コマ', en: '4-panel manga', zh: '四格漫画' },
  { name: 'うごイラ', en: 'ugoira', zh: '动图' },
  { name: '白髪', en: 'white hair', zh: '白发' },
  { name: '黒髪', en: 'black hair', zh: '黑发' },
  { name: 'ポニーテール', en: 'ponytail', zh: '马尾' },
  { name: '和服', en: 'kimono', zh: '和服' },
  { name: '魔法少女', en: 'magical girl', zh: '魔法少女' },
  { name: '騎士', en: 'knight', zh: '骑士' },
  { name: 'ドラゴン', en: 'dragon', zh: '龙' },
  { name: '廃墟', en: 'ruins', zh: '废墟' },
  { name: '雨', en: 'rain', zh: '雨' },
  { name: '雪', en: 'snow', zh: '雪' },
  { name: '花', en: 'flower', zh: '花' },
  { name: '建物', en: 'building', zh: '建筑' },
  { name: '街', en: 'town', zh: '街道' },
  { name: '電車', en: 'train', zh: '电车' },
  { name: '夏', en: 'summer', zh: '夏天' },
  { name: '冬', en: 'winter', zh: '冬天' },
  { name: 'メイド', en: 'maid', zh: '女仆' },
  { name: '獣耳', en: 'kemonomimi', zh: '兽耳' },
  { name: 'ケモノ', en: 'kemono', zh: '兽' },
  { name: '百合', en: 'yuri', zh: '百合' },
  { name: '男の子', en: 'boy', zh: '男孩子' },
  { name: 'ゆるふわ', en: null, zh: null },
  { name: 'いいね', en: null, zh: null },
  { name: '癒し', en: 'healing', zh: '治愈' },
  { name: '線画', en: 'line art', zh: '线稿' },
  { name: 'ドット絵', en: 'pixel art', zh: '像素画' },
  { name: 'イラスト', en: 'illustration', zh: '插画' },
  { name: 'AIイラスト', en: 'AI illustration', zh: 'AI插画' },
  { name: 'R-18', en: null, zh: null },
  { name: 'R-18G', en: null, zh: null },
  { name: '毎日投稿', en: 'daily posting', zh: '每日投稿' },
  { name: '小説', en: 'novel', zh: '小说' },
  { name: '短編', en: 'short story', zh: '短篇' },
  { name: '長編', en: 'long story', zh: '长篇' },
  { name: '恋愛', en: 'romance', zh: '恋爱' },
  { name: 'ミステリー', en: 'mystery', zh: '推理' },
  { name: 'ホラー', en: 'horror', zh: '恐怖' },
  { name: '異世界', en: 'isekai', zh: '异世界' },
  { name: '日常', en: 'slice of life', zh: '日常' },
  { name: 'AI生成', en: 'AI-generated', zh: 'AI生成' },
];

/** Index of `R-18` and `R-18G` in {@link TAGS}: added to works with x_restrict 1 and 2. */
export const R18_TAG = TAGS.findIndex((tag) => tag.name === 'R-18');
export const R18G_TAG = TAGS.findIndex((tag) => tag.name === 'R-18G');
export const UGOIRA_TAG = TAGS.findIndex((tag) => tag.name === 'うごイラ');
export const MANGA_TAG = TAGS.findIndex((tag) => tag.name === '漫画');
export const AI_TAG = TAGS.findIndex((tag) => tag.name === 'AIイラスト');
/** Carried by every work of the prolific user, so a search can list more than Pixiv's offset cap. */
export const PROLIFIC_TAG = TAGS.findIndex((tag) => tag.name === '毎日投稿');
/** Tags of novels (besides a few ordinary ones). */
export const NOVEL_TAGS: readonly number[] = ['小説', '短編', '長編', '恋愛', 'ミステリー', 'ホラー', '異世界', '日常'].map((name) =>
  TAGS.findIndex((tag) => tag.name === name),
);
/** Added to AI-generated novels. */
export const AI_NOVEL_TAG = TAGS.findIndex((tag) => tag.name === 'AI生成');
/** Tags ordinary works draw from (everything but the rating, type and AI markers). */
export const ORDINARY_TAGS: readonly number[] = TAGS.map((_, i) => i).filter(
  (i) => i !== R18_TAG && i !== R18G_TAG && i !== UGOIRA_TAG && i !== MANGA_TAG && i !== AI_TAG && i < PROLIFIC_TAG,
);

export const TITLE_WORDS: readonly string[] = [
  '夕刻に染まる', '星降る夜', '約束', '春の訪れ', '海辺にて', '雨上がり', '青', '白昼夢', 'おやすみ',
  'はじめまして', '旅立ち', '静寂', '夏の終わり', '花束', '記憶', '放課後', '月光', '灯り', '黄昏',
  'Morning Light', 'Blue Hour', 'Reverie', 'Wanderer', 'Daydream', 'Afterglow', 'Nocturne',
];

export const SYLLABLES: readonly (readonly [string, string])[] = [
  ['a', 'あ'], ['ka', 'か'], ['sa', 'さ'], ['ta', 'た'], ['na', 'な'], ['ha', 'は'], ['ma', 'ま'],
  ['ya', 'や'], ['ra', 'ら'], ['wa', 'わ'], ['ki', 'き'], ['shi', 'し'], ['chi', 'ち'], ['ni', 'に'],
  ['mi', 'み'], ['ri', 'り'], ['ku', 'く'], ['su', 'す'], ['tsu', 'つ'], ['nu', 'ぬ'], ['mu', 'む'],
  ['yu', 'ゆ'], ['ru', 'る'], ['ko', 'こ'], ['so', 'そ'], ['to', 'と'], ['no', 'の'], ['mo', 'も'],
  ['yo', 'よ'], ['ro', 'ろ'], ['n', 'ん'], ['se', 'せ'], ['ne', 'ね'], ['re', 'れ'],
];

export const TOOLS: readonly (readonly string[])[] = [
  [],
  ['Photoshop'],
  ['CLIP STUDIO PAINT'],
  ['SAI'],
  ['Procreate'],
  ['Photoshop', 'CLIP STUDIO PAINT'],
  ['openCanvas'],
  ['Krita'],
  ['ibisPaint'],
];

export const BOOKMARK_TAGS: readonly string[] = [
  'お気に入り', '資料', '背景資料', '色使い', '構図', 'あとで見る', 'favorite', 'ref', '神絵', '推し',
];

export const COMMENTS: readonly string[] = [
  '素敵です！', '色使いが綺麗ですね', 'かわいい', 'Beautiful!', '好きです', 'すごい…',
  '背景の描き込みが凄い', 'Amazing work', '続きが楽しみです', '太好看了', '最高です', 'ありがとうございます！',
];

export const REGIONS: readonly string[] = ['日本 東京都', '日本 大阪府', '日本 北海道', 'China', 'Korea', 'United States', ''];
export const JOBS: readonly (readonly [string, number])[] = [
  ['', 0], ['IT関係', 1], ['学生', 11], ['イラストレーター', 9], ['会社員', 2], ['フリーランス', 17],
];

/** Titles of novels. */
export const NOVEL_TITLES: readonly string[] = [
  '夜明けの手紙', '雨の図書館', '白い灯台', '星を数える人', '硝子の庭', '忘れられた駅', '風の便り', '真昼の月',
  'The Last Letter', 'Paper Moon', 'Quiet Harbour', 'Ember',
];

/** Sentences novel texts are made of. */
export const NOVEL_SENTENCES: readonly string[] = [
  '窓の外では、静かに雨が降り続いていた。',
  '彼女は小さく息を吐いて、古い手紙を開いた。',
  '「また明日」と言ったきり、彼は戻らなかった。',
  '駅のホームには、誰もいなかった。',
  '遠くで汽笛が鳴った。',
  '図書館の奥、誰も読まない棚に、その本はあった。',
  'The lighthouse had been dark for years.',
  'She counted the stars until the sky turned pale.',
  '夏の終わりの匂いがした。',
  '「覚えている？」と彼女は尋ねた。',
];
