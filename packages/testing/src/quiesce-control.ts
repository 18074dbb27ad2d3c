/**
 * A stand-in for a service behind its operations listener (the platform's `QuiesceControl`, matched
 * by shape: this package does not depend on the platform): it records each call and reports the
 * state they left, so a test can check what a listener or the backup tool asked of it.
 */
export interface RecordingQuiesceControl {
  calls: string[];
  isQuiesced(): boolean;
  quiesce(): Promise<void>;
  resume(): Promise<void>;
  status(): Promise<{ quiesced: boolean; outboxPending: number; jobsRunning: boolean }>;
}

export function recordingQuiesceControl(): RecordingQuiesceControl {
  let quiesced = false;
  const calls: string[] = [];
  return {
    calls,
    isQuiesced: () => quiesced,
    quiesce: async () => {
      calls.push('quiesce');
      quiesced = true;
    },
    resume: async () => {
      calls.push('resume');
      quiesced = false;
    },
    status: async () => ({ quiesced, outboxPending: 0, jobsRunning: !quiesced }),
  };
}
