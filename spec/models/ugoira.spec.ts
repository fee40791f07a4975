import { UgoiraMetadataBody, decode, toUgoiraMetadata } from '../../lib/models';
import { decodeError, fixture } from './fixture';

describe('toUgoiraMetadata', () => {
  it('maps the 2020 metadata: 78 frames of mixed delays and the medium zip', () => {
    const metadata = toUgoiraMetadata(decode(UgoiraMetadataBody, fixture('v1-ugoira-metadata/pixiv-shaft-2020-47297805.json')).ugoira_metadata);
    expect(metadata.frames).toHaveLength(78);
    expect(metadata.frames[0]).toEqual({ file: '000000.jpg', delay: 120 });
    expect(metadata.frames[77]).toEqual({ file: '000077.jpg', delay: 120 });
    expect(new Set(metadata.frames.map((frame) => frame.delay))).toEqual(new Set([100, 120, 130, 200, 300, 500]));
    expect(metadata.zipUrls).toEqual({
      medium: 'https://i.pximg.net/img-zip-ugoira/img/2014/11/29/09/09/57/47297805_ugoira600x600.zip',
    });
  });

  it('maps the unchanged 2025 shape', () => {
    const metadata = toUgoiraMetadata(decode(UgoiraMetadataBody, fixture('v1-ugoira-metadata/pixko-2025-126473222.json')).ugoira_metadata);
    expect(metadata.frames).toHaveLength(6);
    expect(metadata.frames.map((frame) => frame.delay)).toEqual([60, 70, 70, 60, 70, 70]);
    expect(metadata.zipUrls.medium).toBe('https://i.pximg.net/img-zip-ugoira/img/2025/01/22/22/57/49/126473222_ugoira600x600.zip');
  });

  it('rejects a frame without a delay', () => {
    const body = fixture('v1-ugoira-metadata/pixko-2025-126473222.json');
    delete body.ugoira_metadata.frames[5].delay;
    expect(decodeError(UgoiraMetadataBody, body).path).toBe('ugoira_metadata.frames.5.delay');
  });
});
