// What an event in the queue is about; its `arg` names the stream, link, fault, probe, run or group.
export const EventKind = {
    arrival: 0,
    delivery: 1,
    faultStart: 2,
    faultEnd: 3,
    probe: 4,
    detect: 5,
    manualDetect: 6,
    actionDone: 7,
    routeDelayed: 8,
    transition: 9,
    tick: 10,
    election: 11,
} as const;
