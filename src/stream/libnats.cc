#include "stream/libnats.h"

#include "base/shared_library.h"

namespace dragoman {

Result<LibNats> LoadLibNatsFrom(const std::string& soname) {
  DRAGOMAN_ASSIGN_OR_RETURN(
      SharedLibrary lib,
      SharedLibrary::Open(soname, "NATS JetStream (publish, worker, watch --publish)"));
  LibNats n{};
  for (const Status& st :
       {lib.Resolve("natsStatus_GetText", &n.natsStatus_GetText),
        lib.Resolve("natsOptions_Create", &n.natsOptions_Create),
        lib.Resolve("natsOptions_SetServers", &n.natsOptions_SetServers),
        lib.Resolve("natsOptions_SetMaxReconnect", &n.natsOptions_SetMaxReconnect),
        lib.Resolve("natsOptions_SetReconnectWait", &n.natsOptions_SetReconnectWait),
        lib.Resolve("natsOptions_SetTimeout", &n.natsOptions_SetTimeout),
        lib.Resolve("natsOptions_Destroy", &n.natsOptions_Destroy),
        lib.Resolve("natsConnection_Connect", &n.natsConnection_Connect),
        lib.Resolve("natsConnection_JetStream", &n.natsConnection_JetStream),
        lib.Resolve("natsConnection_Destroy", &n.natsConnection_Destroy),
        lib.Resolve("jsOptions_Init", &n.jsOptions_Init),
        lib.Resolve("jsCtx_Destroy", &n.jsCtx_Destroy),
        lib.Resolve("jsStreamConfig_Init", &n.jsStreamConfig_Init),
        lib.Resolve("js_AddStream", &n.js_AddStream),
        lib.Resolve("jsStreamInfo_Destroy", &n.jsStreamInfo_Destroy),
        lib.Resolve("jsPubOptions_Init", &n.jsPubOptions_Init),
        lib.Resolve("js_Publish", &n.js_Publish),
        lib.Resolve("jsPubAck_Destroy", &n.jsPubAck_Destroy),
        lib.Resolve("jsSubOptions_Init", &n.jsSubOptions_Init),
        lib.Resolve("js_PullSubscribe", &n.js_PullSubscribe),
        lib.Resolve("natsSubscription_Fetch", &n.natsSubscription_Fetch),
        lib.Resolve("natsSubscription_Destroy", &n.natsSubscription_Destroy),
        lib.Resolve("natsMsgList_Destroy", &n.natsMsgList_Destroy),
        lib.Resolve("natsMsg_GetMetaData", &n.natsMsg_GetMetaData),
        lib.Resolve("jsMsgMetaData_Destroy", &n.jsMsgMetaData_Destroy),
        lib.Resolve("natsMsg_GetData", &n.natsMsg_GetData),
        lib.Resolve("natsMsg_GetDataLength", &n.natsMsg_GetDataLength),
        lib.Resolve("natsMsg_Ack", &n.natsMsg_Ack),
        lib.Resolve("natsMsg_Term", &n.natsMsg_Term),
        lib.Resolve("nats_CloseAndWait", &n.nats_CloseAndWait)}) {
    DRAGOMAN_RETURN_IF_ERROR(st);
  }
  return n;
}

Result<const LibNats*> LoadLibNats() {
  // Loaded once (a function-local static is initialised once, thread-safely); never unloaded.
  static const Result<LibNats> loaded = LoadLibNatsFrom(DRAGOMAN_NATS_SONAME);
  if (!loaded.ok()) return loaded.status();
  return &loaded.value();
}

}  // namespace dragoman
