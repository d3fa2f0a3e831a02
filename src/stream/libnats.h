// libnats (the NATS C client), opened when `publish`, `worker` or `watch --publish` first
// connects, not linked into the binary: the commands that never touch NATS, `code` among them,
// do not pay for loading it and libprotobuf-c at start-up (doc/performance.md). The build still
// finds libnats through pkg-config (its header gives the types and the declarations the table
// below is checked against) and records its SONAME (DRAGOMAN_NATS_SONAME, e.g. "libnats.so.3.4").
//
// Every libnats function the queue calls is a member of LibNats, named as in nats/nats.h; code
// in stream/queue.cc calls `n.js_Publish(...)` where it would call `js_Publish(...)`. A function
// added there must be added here (the link fails otherwise: nothing links libnats).
#ifndef DRAGOMAN_STREAM_LIBNATS_H_
#define DRAGOMAN_STREAM_LIBNATS_H_

#include <nats/nats.h>

#include <string>

#include "base/status.h"

namespace dragoman {

struct LibNats {
  decltype(&::natsStatus_GetText) natsStatus_GetText;
  decltype(&::natsOptions_Create) natsOptions_Create;
  decltype(&::natsOptions_SetServers) natsOptions_SetServers;
  decltype(&::natsOptions_SetMaxReconnect) natsOptions_SetMaxReconnect;
  decltype(&::natsOptions_SetReconnectWait) natsOptions_SetReconnectWait;
  decltype(&::natsOptions_SetTimeout) natsOptions_SetTimeout;
  decltype(&::natsOptions_Destroy) natsOptions_Destroy;
  decltype(&::natsConnection_Connect) natsConnection_Connect;
  decltype(&::natsConnection_JetStream) natsConnection_JetStream;
  decltype(&::natsConnection_Destroy) natsConnection_Destroy;
  decltype(&::jsOptions_Init) jsOptions_Init;
  decltype(&::jsCtx_Destroy) jsCtx_Destroy;
  decltype(&::jsStreamConfig_Init) jsStreamConfig_Init;
  decltype(&::js_AddStream) js_AddStream;
  decltype(&::jsStreamInfo_Destroy) jsStreamInfo_Destroy;
  decltype(&::jsPubOptions_Init) jsPubOptions_Init;
  decltype(&::js_Publish) js_Publish;
  decltype(&::jsPubAck_Destroy) jsPubAck_Destroy;
  decltype(&::jsSubOptions_Init) jsSubOptions_Init;
  decltype(&::js_PullSubscribe) js_PullSubscribe;
  decltype(&::natsSubscription_Fetch) natsSubscription_Fetch;
  decltype(&::natsSubscription_Destroy) natsSubscription_Destroy;
  decltype(&::natsMsgList_Destroy) natsMsgList_Destroy;
  decltype(&::natsMsg_GetMetaData) natsMsg_GetMetaData;
  decltype(&::jsMsgMetaData_Destroy) jsMsgMetaData_Destroy;
  decltype(&::natsMsg_GetData) natsMsg_GetData;
  decltype(&::natsMsg_GetDataLength) natsMsg_GetDataLength;
  decltype(&::natsMsg_Ack) natsMsg_Ack;
  decltype(&::natsMsg_Term) natsMsg_Term;
  decltype(&::nats_CloseAndWait) nats_CloseAndWait;
};

// The table of the libnats dragoman was built against, loaded on the first call; later calls
// return the same table (or the same error). Io error of one line naming the library when it is
// not installed ("libnats.so.3.4 is needed for NATS JetStream (publish, worker, watch
// --publish) but cannot be loaded: ...": exit code 6, as when the NATS server cannot be
// reached) or lacks a function.
// Thread-safe; the table lives until exit.
Result<const LibNats*> LoadLibNats();

// As LoadLibNats, from the library `soname`, not cached (tests: a missing library's message).
Result<LibNats> LoadLibNatsFrom(const std::string& soname);

}  // namespace dragoman

#endif  // DRAGOMAN_STREAM_LIBNATS_H_
