declare module 'webvtt-parser' {
  export interface ParsedCue {
    id: string;
    startTime: number;
    endTime: number;
    text: string;
  }
  export class WebVTTParser {
    parse(
      input: string,
      mode?: 'metadata' | 'subtitles',
    ): {
      cues: ParsedCue[];
      errors: Array<{ message: string; line: number }>;
    };
  }
}
