// video.js ships its core build (everything but the HLS/DASH streaming engine, which
// progressive MP4 playback never uses) without typings of its own: it is the same API.
declare module 'video.js/core' {
  import videojs from 'video.js';
  export default videojs;
}
