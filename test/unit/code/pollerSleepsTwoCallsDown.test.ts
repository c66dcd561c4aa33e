import { strict as assert } from 'node:assert';
import { hazardRows, joined, lines } from './fixtureWorkspace';

/**
 * freqtrade's worker.py: `while True: state = self._worker(old_state=state)`, where `_worker` calls `self._throttle(…)`,
 * which runs the work and then `time.sleep(…)`: a daemon that waits each turn, two calls down.
 */
describe('query-in-loop: a daemon loop whose pause is two calls down in methods of the file', () => {
  it('does not report the query of a while True loop that sleeps through _worker → _throttle; still reports one whose helpers do not sleep', async () => {
    const f = await joined({
      'app/models.py': lines(
        'from sqlalchemy.orm import DeclarativeBase, scoped_session, sessionmaker',
        'class Base(DeclarativeBase):',
        '    pass',
        'class Trade(Base):',
        '    __tablename__ = "trades"',
        '    session = scoped_session(sessionmaker())',
      ),
      'app/worker.py': lines(
        'import time', // 1
        'from app.models import Trade',
        '',
        'def set_startup_time():',
        '    return Trade.session.query(Trade).order_by(Trade.id).first()', // 5
        '',
        'class Worker:',
        '    def run(self):',
        '        state = None',
        '        while True:', // 10
        '            state = self._worker(old_state=state)',
        '',
        '    def _worker(self, old_state):',
        '        if old_state is None:',
        '            set_startup_time()', // 15
        '        self._throttle(func=self._process, throttle_secs=5)',
        '        return "RUNNING"',
        '',
        '    def _throttle(self, func, throttle_secs):',
        '        start = time.time()', // 20
        '        func()',
        '        time.sleep(max(throttle_secs - (time.time() - start), 0.0))',
        '',
        '    def _process(self):',
        '        pass', // 25
        '',
        '    def drain(self):',
        '        state = None',
        '        while True:',
        '            state = self._step(old_state=state)', // 30
        '',
        '    def _step(self, old_state):',
        '        set_startup_time()',
        '        self._process()',
        '        return old_state', // 35
        '',
        'if __name__ == "__main__":',
        '    Worker().run()',
        '    Worker().drain()',
      ),
    });
    assert.deepEqual(
      hazardRows(f).filter((r) => r.startsWith('query-in-loop')),
      ['query-in-loop app/worker.py:30:21 _step → set_startup_time → Trade.session.query.order_by.first [while sequential] → -'],
    );
  });
});
